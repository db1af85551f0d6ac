using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Core.Charts;
using Rekindle.Core.CheckIns;
using Rekindle.Core.Tests.CheckIns;
using static Rekindle.Core.Tests.Charts.SvgAssert;

namespace Rekindle.Core.Tests.Charts;

public class MoodChartTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);

    private static CheckIn Mood(int day, int mood) => Make.CheckIn(Nov1.AddDays(day), mood: mood);

    private static List<XElement> Points(XElement root) => WithClass(root, "rk-point").ToList();

    [Fact]
    public void Daily_chart_is_an_accessible_image_whose_points_carry_the_data()
    {
        var model = MoodChart.Model([Mood(0, 4), Mood(1, 6), Mood(2, 8), Mood(4, 3)], Nov1, Nov1.AddDays(13));
        var root = Accessible(MoodChart.Svg(model), "mood-chart");

        Assert.Equal("daily", (string?)root.Attribute("data-granularity"));
        Assert.Equal("Mood, Nov 1 to Nov 14, 2026", root.Element(Ns + "title")!.Value);
        Assert.Contains("four days with a check-in", root.Element(Ns + "desc")!.Value);

        var points = Points(root);
        Assert.Equal(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-05"], points.Select(p => (string?)p.Attribute("data-date")));
        Assert.Equal(["4", "6", "8", "3"], points.Select(p => (string?)p.Attribute("data-value")));
        Assert.Equal([null, null, "6", "5.25"], points.Select(p => (string?)p.Attribute("data-average")));
        Assert.All(points, p => Assert.Null(p.Attribute("data-to")));
    }

    [Fact]
    public void A_higher_mood_is_drawn_higher_and_a_later_day_further_right()
    {
        var model = MoodChart.Model([Mood(0, 1), Mood(1, 10), Mood(2, 5), Mood(3, 6)], Nov1, Nov1.AddDays(3));
        var points = Points(XDocument.Parse(MoodChart.Svg(model)).Root!);
        var cy = points.Select(p => Number(p, "cy")).ToList();
        var cx = points.Select(p => Number(p, "cx")).ToList();

        Assert.True(cy[1] < cy[3] && cy[3] < cy[2] && cy[2] < cy[0]);
        Assert.Equal(cx.Order(), cx);
        Assert.Equal(cx[1] - cx[0], cx[2] - cx[1], 2);

        // Linear in the mood: the gap from 5 to 6 is a ninth of the gap from 1 to 10.
        Assert.Equal((cy[0] - cy[1]) / 9, cy[2] - cy[3], 1);
    }

    [Fact]
    public void The_table_matches_the_points()
    {
        var model = MoodChart.Model([Mood(0, 4), Mood(1, 6), Mood(2, 9), Mood(6, 2)], Nov1, Nov1.AddDays(6));
        var table = MoodChart.Table(model);
        var points = Points(XDocument.Parse(MoodChart.Svg(model)).Root!);

        Assert.Equal(["Date", "Mood", "7-day average"], table.Columns);
        Assert.Equal(points.Count, table.Rows.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var row = table.Rows[i];
            Assert.Equal(DateOnly.ParseExact(points[i].Attribute("data-date")!.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture), row.Date);
            Assert.Equal(points[i].Attribute("data-value")!.Value, row.Cells[1]);
            var average = points[i].Attribute("data-average");
            Assert.Equal(average is null ? "–" : double.Parse(average.Value, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture), row.Cells[2]);
        }

        Assert.Equal(["Nov 1, 2026", "4", "–"], table.Rows[0].Cells);
        Assert.Equal(["Nov 7, 2026", "2", "5.3"], table.Rows[3].Cells);
        Assert.Equal("Mood, Nov 1 to Nov 7, 2026", table.Caption);
    }

    [Fact]
    public void The_mood_line_breaks_at_a_missing_day()
    {
        var model = MoodChart.Model([Mood(0, 4), Mood(1, 5), Mood(3, 6), Mood(4, 7), Mood(6, 8)], Nov1, Nov1.AddDays(6));
        var root = XDocument.Parse(MoodChart.Svg(model)).Root!;
        var mood = Assert.Single(WithClass(root, "rk-line-mood"));
        var pieces = Pieces(mood.Attribute("d")!.Value);

        Assert.Equal([2, 2, 1], pieces.Select(p => p.Count));
        var points = Points(root);
        Assert.Equal(pieces.SelectMany(p => p), points.Select(p => (Number(p, "cx"), Number(p, "cy"))));
    }

    [Fact]
    public void The_average_line_breaks_at_a_missing_day_too()
    {
        // Days 0..3 and 5..7 have averages; day 4 has no check-in, so the average line must not bridge it.
        var model = MoodChart.Model([Mood(0, 4), Mood(1, 5), Mood(2, 6), Mood(3, 7), Mood(5, 6), Mood(6, 5), Mood(7, 4)], Nov1, Nov1.AddDays(7));
        var root = XDocument.Parse(MoodChart.Svg(model)).Root!;
        var average = Assert.Single(WithClass(root, "rk-line-average"));
        var pieces = Pieces(average.Attribute("d")!.Value);

        Assert.Equal([2, 3], pieces.Select(p => p.Count));
    }

    [Fact]
    public void A_lone_point_is_drawn_without_a_line()
    {
        var model = MoodChart.Model([Mood(3, 7)], Nov1, Nov1.AddDays(6));
        var root = Accessible(MoodChart.Svg(model), "mood-chart");
        Assert.Single(Points(root));
        Assert.Empty(WithClass(root, "rk-line"));
    }

    [Fact]
    public void A_one_day_range_puts_the_point_in_the_middle()
    {
        var model = MoodChart.Model([Mood(0, 7)], Nov1, Nov1);
        var point = Assert.Single(Points(Accessible(MoodChart.Svg(model), "mood-chart")));
        Assert.Equal((44 + 704) / 2.0, Number(point, "cx"));
        Assert.Equal("Mood, Nov 1, 2026", MoodChart.Table(model).Caption);
    }

    [Fact]
    public void Long_ranges_show_weekly_means_without_an_average_line()
    {
        var from = new DateOnly(2026, 1, 1); // a Thursday: the first week is clipped to Thu..Sun
        var to = from.AddDays(199);
        var checkIns = new[] { Make.CheckIn(from, mood: 4), Make.CheckIn(from.AddDays(2), mood: 7), Make.CheckIn(from.AddDays(30), mood: 9) };
        var model = MoodChart.Model(checkIns, from, to);

        Assert.Equal(ChartGranularity.Weekly, model.Granularity);
        Assert.Equal(2, model.Points.Count);
        Assert.Equal(new MoodChartPoint(from, new DateOnly(2026, 1, 4), 5.5, null, 2), model.Points[0]);

        var root = Accessible(MoodChart.Svg(model), "mood-chart");
        Assert.Equal("weekly", (string?)root.Attribute("data-granularity"));
        Assert.Empty(WithClass(root, "rk-line-average"));
        var first = Points(root)[0];
        Assert.Equal("2026-01-01", (string?)first.Attribute("data-date"));
        Assert.Equal("2026-01-04", (string?)first.Attribute("data-to"));
        Assert.Equal("5.5", (string?)first.Attribute("data-value"));
        Assert.Equal("2", (string?)first.Attribute("data-checkins"));

        var table = MoodChart.Table(model);
        Assert.Equal(["Week", "Average mood", "Check-ins"], table.Columns);
        Assert.Equal(["Jan 1 to Jan 4, 2026", "5.5", "2"], table.Rows[0].Cells);
    }

    [Fact]
    public void Empty_data_renders_a_friendly_placeholder()
    {
        var model = MoodChart.Model([Mood(-3, 5)], Nov1, Nov1.AddDays(6));
        Assert.True(model.IsEmpty);
        var root = Accessible(MoodChart.Svg(model), "mood-chart");
        Assert.Equal("true", (string?)root.Attribute("data-empty"));
        Assert.Equal(MoodChart.EmptyMessage, root.Element(Ns + "desc")!.Value);
        Assert.Contains(root.Descendants(Ns + "text"), t => t.Value == MoodChart.EmptyMessage);
        Assert.Empty(Points(root));
        Assert.True(MoodChart.Table(model).IsEmpty);
    }

    [Theory]
    [InlineData("a\"><script>alert(1)</script>", "a---script-alert-1---script-")]
    [InlineData("9lives", "mood-chart-9lives")]
    [InlineData("", "mood-chart")]
    [InlineData("week & \"mood\"", "week----mood-")]
    public void Ids_are_made_safe_and_the_output_stays_well_formed(string id, string expected)
    {
        var model = MoodChart.Model([Mood(0, 5), Mood(1, 6)], Nov1, Nov1.AddDays(1));
        var svg = MoodChart.Svg(model, id);
        var root = Accessible(svg, expected);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"{expected}-title {expected}-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal(expected, (string?)XDocument.Parse(MoodChart.Svg(MoodChart.Model([], Nov1, Nov1), id)).Root!.Attribute("id"));
    }

    [Fact]
    public void Numbers_are_written_in_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var model = MoodChart.Model([Mood(0, 4), Mood(1, 5), Mood(2, 5)], Nov1, Nov1.AddDays(2));
            var point = Points(XDocument.Parse(MoodChart.Svg(model)).Root!)[^1];
            Assert.Equal("4.67", (string?)point.Attribute("data-average"));
            Assert.DoesNotContain(',', (string)point.Attribute("cy")!);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Ranges_that_are_backwards_or_too_long_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MoodChart.Model([], Nov1, Nov1.AddDays(-1)));
        Assert.Throws<ArgumentException>(() => MoodChart.Model([], Nov1, Nov1.AddDays(ChartRange.MaxDays)));
    }

    [Property(MaxTest = 50)]
    public Property Every_point_lies_inside_the_plot_and_follows_its_value()
    {
        var gen =
            from days in Gen.Choose(0, 300).ArrayOf()
            from moods in Gen.Choose(1, 10).ArrayOf()
            from length in Gen.Choose(1, 301)
            select (checkIns: days.Zip(moods, (d, m) => Mood(d, m)).ToList(), length);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var model = MoodChart.Model(t.checkIns, Nov1, Nov1.AddDays(t.length - 1));
            var root = XDocument.Parse(MoodChart.Svg(model)).Root!;
            var points = Points(root);
            var ys = points.Select(p => (Value: double.Parse(p.Attribute("data-value")!.Value, CultureInfo.InvariantCulture), Y: Number(p, "cy"))).ToList();
            return points.Count == model.Points.Count
                && points.All(p => Number(p, "cx") is >= 44 and <= 704 && Number(p, "cy") is >= 20 and <= 250)
                && ys.All(a => ys.All(b => a.Value <= b.Value || a.Y < b.Y))
                && MoodChart.Table(model).Rows.Count == points.Count;
        });
    }
}
