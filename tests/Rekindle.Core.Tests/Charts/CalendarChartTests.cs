using System.Xml.Linq;
using Rekindle.Core.Charts;
using Rekindle.Core.Progress;
using static Rekindle.Core.Tests.Charts.SvgAssert;

namespace Rekindle.Core.Tests.Charts;

public class CalendarChartTests
{
    private static readonly DateOnly Start = new(2026, 10, 1); // a Thursday

    [Fact]
    public void One_cell_per_day_with_its_state_and_count()
    {
        var today = Start.AddDays(20);
        var days = NoContactCalendar.Build(Start, [Start.AddDays(3)], today, Start.AddDays(-3), today.AddDays(4));
        var root = Accessible(CalendarChart.Svg(days), "no-contact-calendar");
        var cells = WithClass(root, "rk-cell").OrderBy(c => (string?)c.Attribute("data-date"), StringComparer.Ordinal).ToList();

        Assert.Equal(days.Count, cells.Count);
        for (var i = 0; i < days.Count; i++)
        {
            Assert.Equal(days[i].Date.ToString("yyyy-MM-dd"), (string?)cells[i].Attribute("data-date"));
            Assert.Equal(CalendarChart.StateKey(days[i].State), (string?)cells[i].Attribute("data-state"));
            Assert.Equal(days[i].DaysWithoutContact?.ToString(), (string?)cells[i].Attribute("data-days"));
        }

        Assert.Equal(["before-start", "contact-free", "restart", "milestone", "today", "future"],
            new[] { Start.AddDays(-1), Start.AddDays(1), Start.AddDays(3), Start.AddDays(10), today, today.AddDays(1) }
                .Select(d => (string?)cells.Single(c => (string?)c.Attribute("data-date") == d.ToString("yyyy-MM-dd")).Attribute("data-state")));

        // Milestones carry a dot as well as a colour.
        Assert.Equal(days.Count(d => d.State == CalendarDayState.Milestone), WithClass(root, "rk-milestone-marks").Single().Elements().Count());
    }

    [Fact]
    public void Weeks_are_columns_with_Monday_on_top()
    {
        var days = NoContactCalendar.Build(Start, [], Start.AddDays(30), Start, Start.AddDays(30));
        var cells = WithClass(XDocument.Parse(CalendarChart.Svg(days)).Root!, "rk-cell")
            .ToDictionary(c => DateOnly.Parse(c.Attribute("data-date")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        var monday = new DateOnly(2026, 10, 5);
        var sunday = monday.AddDays(6);
        Assert.Equal(Number(cells[monday], "x"), Number(cells[sunday], "x"));
        Assert.True(Number(cells[monday], "y") < Number(cells[sunday], "y"));
        Assert.Equal(Number(cells[monday], "y"), Number(cells[monday.AddDays(7)], "y"));
        Assert.True(Number(cells[monday.AddDays(7)], "x") > Number(cells[sunday], "x"));
        Assert.True(Number(cells[Start], "x") < Number(cells[monday], "x")); // Thursday Oct 1 sits in the week before
    }

    [Fact]
    public void The_text_alternative_sums_up_the_days()
    {
        var today = Start.AddDays(20);
        var days = NoContactCalendar.Build(Start, [Start.AddDays(3)], today, Start, today);
        var desc = Accessible(CalendarChart.Svg(days), "no-contact-calendar").Element(Ns + "desc")!.Value;
        Assert.Equal("Each square is one day from Oct 1 to Oct 21, 2026. 19 contact-free days, one restart of the count and two milestones reached. Today is day 18 of the current stretch.", desc);
    }

    [Fact]
    public void The_table_is_a_monthly_summary_matching_the_cells()
    {
        var today = new DateOnly(2026, 11, 5);
        var days = NoContactCalendar.Build(Start, [Start.AddDays(3)], today, Start.AddDays(-3), today.AddDays(3));
        var table = CalendarChart.Table(days);

        Assert.Equal(["Month", "Contact-free days", "Restarts", "Milestones"], table.Columns);
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)], table.Rows.Select(r => r.Date));
        // The start day counts as contact-free; the restart day does not.
        Assert.Equal(["October 2026", "30", "1", "day 7 (Oct 11), day 14 (Oct 18), day 21 (Oct 25)"], table.Rows[0].Cells);
        Assert.Equal(["November 2026", "4", "0", "day 30 (Nov 3)"], table.Rows[1].Cells); // today (Nov 5) is not over yet
    }

    [Fact]
    public void The_contact_free_total_grows_by_one_each_day()
    {
        for (var n = 0; n <= 40; n++)
        {
            var today = Start.AddDays(n);
            var days = NoContactCalendar.Build(Start, [], today, Start, today);
            var desc = XDocument.Parse(CalendarChart.Svg(days)).Root!.Element(Ns + "desc")!.Value;
            var total = CalendarChart.Table(days).Rows.Sum(r => int.Parse(r.Cells[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(n, total);
            Assert.Contains($" contact-free day{(n == 1 ? "" : "s")},", desc);
            Assert.EndsWith($"Today is day {n + 1} of the current stretch.", desc);
        }
    }

    [Fact]
    public void Not_started_yet_says_so()
    {
        var today = Start.AddDays(-2);
        var days = NoContactCalendar.Build(Start, [], today, today, today.AddDays(5));
        var root = Accessible(CalendarChart.Svg(days), "no-contact-calendar");
        Assert.EndsWith("No contact hasn't begun yet.", root.Element(Ns + "desc")!.Value);
        Assert.True(CalendarChart.Table(days).IsEmpty);
    }

    [Fact]
    public void No_days_render_a_friendly_placeholder()
    {
        var root = Accessible(CalendarChart.Svg([], "cal<&>"), "cal---");
        Assert.Equal("true", (string?)root.Attribute("data-empty"));
        Assert.Contains(root.Descendants(Ns + "text"), t => t.Value == CalendarChart.EmptyMessage);
        Assert.Empty(WithClass(root, "rk-cell"));
    }
}

public class ChartPaletteTests
{
    [Fact]
    public void Marks_reach_three_to_one_and_text_four_and_a_half_to_one_against_white()
    {
        Assert.All(ChartPalette.MarkColours, c => Assert.True(Contrast(c) >= 3, $"{c} is {Contrast(c):0.00}:1"));
        Assert.True(Contrast(ChartPalette.Text) >= 4.5);

        // The milestone dot sits on the milestone square, so it needs contrast against that too.
        Assert.True(Contrast(ChartPalette.Milestone) >= 3);
    }

    private static double Contrast(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
        return 1.05 / (luminance + 0.05);
    }
}
