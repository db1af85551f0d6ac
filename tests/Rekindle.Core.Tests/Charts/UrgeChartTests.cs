using System.Globalization;
using System.Xml.Linq;
using Rekindle.Core.Charts;
using Rekindle.Core.Tests.CheckIns;
using static Rekindle.Core.Tests.Charts.SvgAssert;

namespace Rekindle.Core.Tests.Charts;

public class UrgeChartTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);

    private static List<XElement> Bars(XElement root) => WithClass(root, "rk-bar").ToList();

    [Fact]
    public void Bars_carry_the_data_and_a_bigger_count_is_a_taller_bar()
    {
        var checkIns = new[]
        {
            Make.CheckIn(Nov1, urges: 2, strongest: 5),
            Make.CheckIn(Nov1.AddDays(1), urges: 0),
            Make.CheckIn(Nov1.AddDays(3), urges: 6, strongest: 9),
        };
        var model = UrgeChart.Model(checkIns, Nov1, Nov1.AddDays(6));
        var root = Accessible(UrgeChart.Svg(model), "urge-chart");
        var bars = Bars(root);

        Assert.Equal("daily", (string?)root.Attribute("data-granularity"));
        Assert.Equal(["2026-11-01", "2026-11-02", "2026-11-04"], bars.Select(b => (string?)b.Attribute("data-date")));
        Assert.Equal(["2", "0", "6"], bars.Select(b => (string?)b.Attribute("data-value")));
        Assert.Equal(["5", null, "9"], bars.Select(b => (string?)b.Attribute("data-strongest")));

        var heights = bars.Select(b => Number(b, "height")).ToList();
        Assert.Equal(3 * heights[0], heights[2], 2);
        Assert.Equal(2, heights[1]); // the thin mark for a checked-in day without urges
        Assert.Contains("rk-bar-zero", (string)bars[1].Attribute("class")!);

        // Every bar stands on the same baseline and later days are further right.
        Assert.Single(bars.Select(b => Math.Round(Number(b, "y") + Number(b, "height"), 2)).Distinct());
        Assert.Equal(bars.Select(b => Number(b, "x")).Order(), bars.Select(b => Number(b, "x")));

        var desc = root.Element(Ns + "desc")!.Value;
        Assert.Contains("eight urges over three checked-in days", desc);
        Assert.Contains("One day had none.", desc);
        Assert.Contains("The strongest was 9 out of 10, on Nov 4.", desc);
    }

    [Fact]
    public void The_table_matches_the_bars()
    {
        var model = UrgeChart.Model([Make.CheckIn(Nov1, urges: 12, strongest: 7), Make.CheckIn(Nov1.AddDays(2), urges: 0)], Nov1, Nov1.AddDays(6));
        var table = UrgeChart.Table(model);
        var bars = Bars(XDocument.Parse(UrgeChart.Svg(model)).Root!);

        Assert.Equal(["Date", "Urges", "Strongest"], table.Columns);
        Assert.Equal(bars.Count, table.Rows.Count);
        Assert.Equal(bars.Select(b => b.Attribute("data-value")!.Value), table.Rows.Select(r => r.Cells[1]));
        Assert.Equal(bars.Select(b => DateOnly.ParseExact(b.Attribute("data-date")!.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)), table.Rows.Select(r => r.Date));
        Assert.Equal(["Nov 1, 2026", "12", "7"], table.Rows[0].Cells);
        Assert.Equal(["Nov 3, 2026", "0", "–"], table.Rows[1].Cells);
    }

    [Fact]
    public void Long_ranges_total_each_week()
    {
        var from = new DateOnly(2026, 1, 1);
        var checkIns = new[]
        {
            Make.CheckIn(from, urges: 2, strongest: 3),
            Make.CheckIn(from.AddDays(3), urges: 5, strongest: 8),
            Make.CheckIn(from.AddDays(4), urges: 0),
        };
        var model = UrgeChart.Model(checkIns, from, from.AddDays(364));
        Assert.Equal(ChartGranularity.Weekly, model.Granularity);
        Assert.Equal([new UrgeBar(from, from.AddDays(3), 7, 8, 2), new UrgeBar(from.AddDays(4), from.AddDays(10), 0, null, 1)], model.Bars);

        var root = Accessible(UrgeChart.Svg(model), "urge-chart");
        var bar = Bars(root)[0];
        Assert.Equal("weekly", (string?)root.Attribute("data-granularity"));
        Assert.Equal("2026-01-04", (string?)bar.Attribute("data-to"));
        Assert.Equal("2", (string?)bar.Attribute("data-checkins"));
        Assert.Equal(["Week", "Urges", "Strongest", "Check-ins"], UrgeChart.Table(model).Columns);
        Assert.Equal(["Jan 1 to Jan 4, 2026", "7", "8", "2"], UrgeChart.Table(model).Rows[0].Cells);
    }

    [Fact]
    public void Empty_data_renders_a_friendly_placeholder()
    {
        var model = UrgeChart.Model([], Nov1, Nov1.AddDays(6));
        var root = Accessible(UrgeChart.Svg(model, "my urges"), "my-urges");
        Assert.Equal("true", (string?)root.Attribute("data-empty"));
        Assert.Contains(root.Descendants(Ns + "text"), t => t.Value == UrgeChart.EmptyMessage);
        Assert.Empty(Bars(root));
    }

    [Theory]
    [InlineData(0, 5, 1)]
    [InlineData(3, 5, 1)]
    [InlineData(5, 5, 1)]
    [InlineData(6, 10, 2)]
    [InlineData(23, 25, 5)]
    [InlineData(99, 100, 20)]
    [InlineData(693, 1000, 200)]
    public void The_scale_has_a_round_top_above_the_largest_value(int largest, int max, int step)
    {
        Assert.Equal((max, step), UrgeChart.Scale(largest));
        Assert.True(max >= largest);
    }
}
