using Rekindle.Core.CheckIns;
using Rekindle.Core.Progress;
using Rekindle.Core.Tests.CheckIns;

namespace Rekindle.Core.Tests.Progress;

public class SteadyWeekTests
{
    private static readonly DateOnly Today = new(2026, 11, 10);

    private static List<CheckIn> Week(params int[] moods) =>
        moods.Select((m, i) => Make.CheckIn(Today.AddDays(-i), mood: m)).ToList();

    [Fact]
    public void Five_steady_days_with_calm_urges_are_steady()
    {
        var result = SteadyWeek.Evaluate(Week(6, 7, 5, 6, 8), [new UrgeEvent(Today, 5, UrgeOutcome.Passed)], Today);
        Assert.Equal(new SteadyWeekResult(5, true, true, true), result);
        Assert.True(result.IsSteady);
    }

    [Fact]
    public void Four_check_ins_are_not_enough_to_judge()
    {
        var result = SteadyWeek.Evaluate(Week(7, 7, 7, 7), [], Today);
        Assert.Equal(4, result.CheckInDays);
        Assert.False(result.EnoughCheckIns);
        Assert.True(result.MoodSteady);
        Assert.False(result.IsSteady);
    }

    [Fact]
    public void Only_the_last_seven_local_days_count()
    {
        // Four inside the window (today..today-6), two outside it (today-7, and tomorrow).
        var checkIns = new List<CheckIn>
        {
            Make.CheckIn(Today), Make.CheckIn(Today.AddDays(-2)), Make.CheckIn(Today.AddDays(-4)), Make.CheckIn(Today.AddDays(-6)),
            Make.CheckIn(Today.AddDays(-7)), Make.CheckIn(Today.AddDays(1)),
        };
        Assert.Equal(4, SteadyWeek.Evaluate(checkIns, [], Today).CheckInDays);
    }

    [Theory]
    [InlineData(new[] { 5, 5, 5, 5, 5 }, true)] // average exactly 5
    [InlineData(new[] { 5, 5, 5, 5, 4 }, false)] // average 4.8
    [InlineData(new[] { 9, 5, 7, 7, 7 }, true)] // swing of exactly 4
    [InlineData(new[] { 10, 5, 7, 7, 7 }, false)] // swing of 5
    public void Mood_must_average_five_and_swing_at_most_four(int[] moods, bool steady) =>
        Assert.Equal(steady, SteadyWeek.Evaluate(Week(moods), [], Today).MoodSteady);

    [Fact]
    public void An_urge_acted_on_this_week_is_not_calm_but_one_last_week_is_forgotten()
    {
        Assert.False(SteadyWeek.Evaluate(Week(7, 7, 7, 7, 7), [new UrgeEvent(Today.AddDays(-6), 3, UrgeOutcome.Contacted)], Today).UrgesCalm);
        Assert.True(SteadyWeek.Evaluate(Week(7, 7, 7, 7, 7), [new UrgeEvent(Today.AddDays(-7), 3, UrgeOutcome.Contacted)], Today).UrgesCalm);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    [InlineData(10, false)]
    public void A_check_in_with_a_strongest_urge_of_eight_or_more_is_not_calm(int strongest, bool calm)
    {
        var week = Week(7, 7, 7, 7, 7);
        week[2] = week[2] with { UrgeCount = 2, StrongestUrge = strongest };
        Assert.Equal(calm, SteadyWeek.Evaluate(week, [], Today).UrgesCalm);
    }

    [Fact]
    public void A_stale_strength_on_a_day_without_urges_is_ignored()
    {
        var week = Week(7, 7, 7, 7, 7);
        week[0] = week[0] with { UrgeCount = 0, StrongestUrge = 10 };
        Assert.True(SteadyWeek.Evaluate(week, [], Today).UrgesCalm);
    }

    [Fact]
    public void No_check_ins_is_neither_steady_nor_an_error()
    {
        var result = SteadyWeek.Evaluate([], [], Today);
        Assert.Equal(new SteadyWeekResult(0, false, false, true), result);
        Assert.False(result.IsSteady);
    }
}
