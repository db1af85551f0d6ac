using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Core.CheckIns;
using Rekindle.Core.Progress;
using Rekindle.Core.Tests.CheckIns;

namespace Rekindle.Core.Tests.Progress;

public class MoodSeriesTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);

    private static CheckIn Mood(int day, int mood) => Make.CheckIn(Nov1.AddDays(day), mood: mood);

    [Fact]
    public void A_single_check_in_is_a_point_without_an_average()
    {
        var point = Assert.Single(MoodSeries.Build([Mood(0, 7)], Nov1, Nov1.AddDays(6)));
        Assert.Equal(Nov1, point.Date);
        Assert.Equal(7, point.Mood);
        Assert.Null(point.TrailingAverage);
        Assert.Equal(1, point.PointsInWindow);
    }

    [Fact]
    public void The_average_appears_once_three_of_seven_days_have_a_check_in()
    {
        var points = MoodSeries.Build([Mood(0, 4), Mood(1, 6), Mood(2, 8)], Nov1, Nov1.AddDays(6));
        Assert.Equal([null, null, 6.0], points.Select(p => p.TrailingAverage));
        Assert.Equal([1, 2, 3], points.Select(p => p.PointsInWindow));
    }

    [Fact]
    public void Missing_days_are_left_out_of_the_average_not_counted_as_zero()
    {
        // Check-ins on days 0, 3 and 6 only: the average over the 7-day window is (3 + 6 + 9) / 3, not / 7.
        var points = MoodSeries.Build([Mood(0, 3), Mood(3, 6), Mood(6, 9)], Nov1, Nov1.AddDays(6));
        Assert.Equal([Nov1, Nov1.AddDays(3), Nov1.AddDays(6)], points.Select(p => p.Date));
        Assert.Equal(6.0, points[^1].TrailingAverage);
        Assert.Equal(3, points[^1].PointsInWindow);
    }

    [Fact]
    public void The_window_is_seven_calendar_days_not_seven_check_ins()
    {
        // Days 0, 1, 2 then a gap; on day 8 the window (days 2..8) holds only days 2 and 8.
        var points = MoodSeries.Build([Mood(0, 2), Mood(1, 2), Mood(2, 2), Mood(8, 10)], Nov1, Nov1.AddDays(8));
        var last = points[^1];
        Assert.Equal(Nov1.AddDays(8), last.Date);
        Assert.Equal(2, last.PointsInWindow);
        Assert.Null(last.TrailingAverage);

        // Day 6 still sees days 0..6.
        var sixDaysOn = MoodSeries.TrailingAverage(new Dictionary<DateOnly, int> { [Nov1] = 2, [Nov1.AddDays(1)] = 2, [Nov1.AddDays(2)] = 2 }, Nov1.AddDays(6));
        Assert.Equal(2.0, sixDaysOn);
        var sevenDaysOn = MoodSeries.TrailingAverage(new Dictionary<DateOnly, int> { [Nov1] = 2, [Nov1.AddDays(1)] = 2, [Nov1.AddDays(2)] = 2 }, Nov1.AddDays(7));
        Assert.Null(sevenDaysOn);
    }

    [Fact]
    public void Check_ins_before_the_range_feed_the_first_averages_but_are_not_points()
    {
        var points = MoodSeries.Build([Mood(-2, 4), Mood(-1, 5), Mood(0, 9)], Nov1, Nov1.AddDays(3));
        var point = Assert.Single(points);
        Assert.Equal(6.0, point.TrailingAverage);
        Assert.Equal(3, point.PointsInWindow);
    }

    [Fact]
    public void Check_ins_after_the_range_are_ignored_and_a_later_duplicate_wins()
    {
        var points = MoodSeries.Build([Mood(0, 3), Mood(0, 8), Mood(5, 1)], Nov1, Nov1.AddDays(2));
        var point = Assert.Single(points);
        Assert.Equal(8, point.Mood);
    }

    [Fact]
    public void Points_come_oldest_first_whatever_the_input_order()
    {
        var points = MoodSeries.Build([Mood(4, 5), Mood(1, 5), Mood(2, 5)], Nov1, Nov1.AddDays(6));
        Assert.Equal([1, 2, 4], points.Select(p => p.Date.DayNumber - Nov1.DayNumber));
    }

    [Fact]
    public void Trailing_average_works_for_a_day_without_its_own_mood()
    {
        var moods = new Dictionary<DateOnly, int> { [Nov1] = 4, [Nov1.AddDays(1)] = 5, [Nov1.AddDays(2)] = 9 };
        Assert.Equal(6.0, MoodSeries.TrailingAverage(moods, Nov1.AddDays(4)));
    }

    [Fact]
    public void No_check_ins_give_no_points() => Assert.Empty(MoodSeries.Build([], Nov1, Nov1.AddDays(30)));

    [Property]
    public Property The_average_is_always_within_the_mood_scale_and_the_window_min_max()
    {
        var gen =
            from days in Gen.Choose(0, 40).ArrayOf()
            from moods in Gen.Choose(1, 10).ArrayOf()
            select days.Zip(moods, (d, m) => Mood(d, m)).ToList();
        return Prop.ForAll(gen.ToArbitrary(), checkIns =>
        {
            var byDate = checkIns.GroupBy(c => c.Date).ToDictionary(g => g.Key, g => g.Last().Mood);
            return MoodSeries.Build(checkIns, Nov1, Nov1.AddDays(40)).All(p =>
            {
                var window = byDate.Where(kv => kv.Key > p.Date.AddDays(-7) && kv.Key <= p.Date).Select(kv => kv.Value).ToList();
                return p.PointsInWindow == window.Count
                    && p.PointsInWindow is >= 1 and <= 7
                    && (p.TrailingAverage is null
                        ? window.Count < MoodSeries.MinimumPointsForAverage
                        : p.TrailingAverage >= 1 && p.TrailingAverage <= 10
                          && p.TrailingAverage >= window.Min() && p.TrailingAverage <= window.Max()
                          && Math.Abs(p.TrailingAverage.Value - window.Average()) < 1e-9);
            });
        });
    }
}

public class UrgeSeriesTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);

    [Fact]
    public void Only_checked_in_days_have_an_entry_and_none_means_no_strongest()
    {
        var days = UrgeSeries.Build(
            [
                Make.CheckIn(Nov1, urges: 3, strongest: 7),
                Make.CheckIn(Nov1.AddDays(2), urges: 0, strongest: 9), // a stale strength with no urges is dropped
                Make.CheckIn(Nov1.AddDays(10), urges: 1, strongest: 2),
            ],
            Nov1,
            Nov1.AddDays(6));

        Assert.Equal([new UrgeDay(Nov1, 3, 7), new UrgeDay(Nov1.AddDays(2), 0, null)], days);
    }

    [Fact]
    public void The_range_is_inclusive_at_both_ends()
    {
        var days = UrgeSeries.Build([Make.CheckIn(Nov1, urges: 1, strongest: 1), Make.CheckIn(Nov1.AddDays(6), urges: 2, strongest: 2)], Nov1, Nov1.AddDays(6));
        Assert.Equal(2, days.Count);
    }
}
