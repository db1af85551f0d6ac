using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Core.Charts;
using Rekindle.Core.Tests.CheckIns;
using static Rekindle.Core.Tests.Charts.SvgAssert;

namespace Rekindle.Core.Tests.Charts;

public class ChartRangeTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1); // a Sunday

    [Fact]
    public void Up_to_183_days_are_daily_and_longer_ranges_weekly()
    {
        Assert.Equal(ChartGranularity.Daily, ChartRange.GranularityFor(Nov1, Nov1.AddDays(182)));
        Assert.Equal(ChartGranularity.Weekly, ChartRange.GranularityFor(Nov1, Nov1.AddDays(183)));
    }

    [Fact]
    public void Weeks_run_Monday_to_Sunday_and_are_clipped_to_the_range()
    {
        Assert.Equal(new DateOnly(2026, 10, 26), ChartRange.WeekStart(Nov1));
        Assert.Equal(new DateOnly(2026, 11, 2), ChartRange.WeekStart(new DateOnly(2026, 11, 2)));
        Assert.Equal(
            [(Nov1, Nov1), (new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8)), (new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 10))],
            ChartRange.Weeks(Nov1, new DateOnly(2026, 11, 10)));
    }

    [Property]
    public Property Weeks_cover_every_day_of_the_range_once(NonNegativeInt start, NonNegativeInt length)
    {
        var from = Nov1.AddDays(start.Get % 400);
        var to = from.AddDays(length.Get % 800);
        var days = ChartRange.Weeks(from, to).SelectMany(w => Enumerable.Range(0, w.To.DayNumber - w.From.DayNumber + 1).Select(i => w.From.AddDays(i))).ToList();
        var weeksOk = ChartRange.Weeks(from, to).All(w => w.From <= w.To && w.To.DayNumber - w.From.DayNumber < 7 && (w.From == from || w.From.DayOfWeek == DayOfWeek.Monday));
        return (weeksOk && days.SequenceEqual(Enumerable.Range(0, ChartRange.DaysIn(from, to)).Select(i => from.AddDays(i)))).ToProperty();
    }

    [Property(MaxTest = 50)]
    public Property Urge_bars_stand_on_the_baseline_with_heights_proportional_to_the_counts()
    {
        var gen =
            from days in Gen.Choose(0, 250).ArrayOf()
            from counts in Gen.Choose(0, 99).ArrayOf()
            from length in Gen.Choose(1, 251)
            select (checkIns: days.Zip(counts, (d, c) => Make.CheckIn(Nov1.AddDays(d), urges: c, strongest: c > 0 ? 1 + c % 10 : null)).ToList(), length);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var model = UrgeChart.Model(t.checkIns, Nov1, Nov1.AddDays(t.length - 1));
            var root = XDocument.Parse(UrgeChart.Svg(model)).Root!;
            var bars = WithClass(root, "rk-bar").ToList();
            var nonZero = bars.Where(b => b.Attribute("data-value")!.Value != "0").Select(b => Number(b, "height") / int.Parse(b.Attribute("data-value")!.Value)).ToList();
            return bars.Count == model.Bars.Count
                && UrgeChart.Table(model).Rows.Count == bars.Count
                && bars.All(b => Number(b, "y") >= 20 && Math.Abs(Number(b, "y") + Number(b, "height") - 236) < 0.02 && Number(b, "x") >= 44 && Number(b, "x") + Number(b, "width") <= 704.02)
                && nonZero.All(ratio => Math.Abs(ratio - nonZero[0]) < 0.01);
        });
    }
}
