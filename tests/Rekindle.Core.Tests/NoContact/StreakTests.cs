using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Core.NoContact;
using Rekindle.Core.Time;

namespace Rekindle.Core.Tests.NoContact;

public class StreakTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    [Fact]
    public void First_day_is_day_one_with_zero_days_done()
    {
        var s = Streak.Summarize(Start, [], Start, 30);
        Assert.Equal(0, s.CurrentDays);
        Assert.Equal(1, s.DayNumber);
        Assert.Equal(7, s.NextMilestone);
        Assert.Equal(0, s.PercentOfTarget);
        Assert.False(s.TargetReached);
    }

    [Fact]
    public void Counts_whole_local_days_and_reaches_target()
    {
        var s = Streak.Summarize(Start, [], Start.AddDays(30), 30);
        Assert.Equal(30, s.CurrentDays);
        Assert.True(s.TargetReached);
        Assert.Equal(100, s.PercentOfTarget);
        Assert.Equal(45, s.NextMilestone);
        Assert.Equal([7, 14, 21, 30], s.MilestonesReached);
    }

    [Fact]
    public void A_restart_begins_a_new_stretch_and_keeps_the_longest()
    {
        var s = Streak.Summarize(Start, [Start.AddDays(10)], Start.AddDays(13), 30);
        Assert.Equal(3, s.CurrentDays);
        Assert.Equal(10, s.LongestDays);
        Assert.Equal(1, s.Restarts);
        Assert.Equal(Start.AddDays(10), s.StretchStartedOn);
    }

    [Fact]
    public void Several_restarts_on_one_day_count_once_and_outside_restarts_are_ignored()
    {
        var s = Streak.Summarize(Start, [Start.AddDays(-3), Start.AddDays(5), Start.AddDays(5), Start.AddDays(50)], Start.AddDays(8), 21);
        Assert.Equal(1, s.Restarts);
        Assert.Equal(3, s.CurrentDays);
        Assert.Equal(5, s.LongestDays);
    }

    [Fact]
    public void Days_since_breakup_are_counted_when_known()
    {
        var s = Streak.Summarize(Start, [], Start.AddDays(4), 30, breakupDate: Start.AddDays(-6));
        Assert.Equal(10, s.DaysSinceBreakup);
        Assert.Null(Streak.Summarize(Start, [], Start, 30).DaysSinceBreakup);
    }

    [Fact]
    public void After_the_last_milestone_there_is_no_next_one()
    {
        var s = Streak.Summarize(Start, [], Start.AddDays(60), 45);
        Assert.Null(s.NextMilestone);
        Assert.Null(s.DaysToNextMilestone);
    }

    [Fact]
    public void Today_before_the_start_counts_as_the_first_day()
    {
        var s = Streak.Summarize(Start, [], Start.AddDays(-1), 30);
        Assert.Equal(0, s.CurrentDays);
    }

    [Property]
    public Property Current_never_exceeds_longest_and_both_are_bounded(NonNegativeInt elapsed, int[] restartOffsets)
    {
        var today = Start.AddDays(elapsed.Get % 2000);
        var restarts = (restartOffsets ?? []).Select(o => Start.AddDays(Math.Abs(o % 2000)));
        var s = Streak.Summarize(Start, restarts, today, 30);
        var total = LocalCalendar.DaysBetween(Start, today);
        return (s.CurrentDays <= s.LongestDays && s.LongestDays <= total && s.CurrentDays >= 0).ToProperty();
    }

    [Property]
    public Property Each_new_day_without_a_restart_adds_exactly_one(NonNegativeInt elapsed, int[] restartOffsets)
    {
        var today = Start.AddDays(elapsed.Get % 1000);
        var restarts = (restartOffsets ?? []).Select(o => Start.AddDays(Math.Abs(o % 1000))).Where(d => d <= today).ToList();
        var before = Streak.Summarize(Start, restarts, today, 30);
        var after = Streak.Summarize(Start, restarts, today.AddDays(1), 30);
        return (after.CurrentDays == before.CurrentDays + 1).ToProperty();
    }

    [Property]
    public Property A_restart_today_sets_the_count_to_zero_and_keeps_the_longest(PositiveInt elapsed)
    {
        var today = Start.AddDays(elapsed.Get % 1000);
        var before = Streak.Summarize(Start, [], today, 30);
        var after = Streak.Summarize(Start, [today], today, 30);
        return (after.CurrentDays == 0 && after.LongestDays == before.LongestDays && after.Restarts == 1).ToProperty();
    }
}
