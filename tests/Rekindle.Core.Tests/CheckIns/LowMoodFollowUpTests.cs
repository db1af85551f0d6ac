using Rekindle.Core.CheckIns;

namespace Rekindle.Core.Tests.CheckIns;

public sealed class LowMoodFollowUpTests
{
    // Monday 2 November 2026, 15:00 UTC: in London that is the same day (GMT).
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly TimeZoneInfo London = Make.Zone("Europe/London");

    private static List<CheckIn> LowOn(params int[] daysAgo) => daysAgo.Select(d => Make.CheckIn(Today.AddDays(-d), mood: 1)).ToList();

    private static bool Shows(IEnumerable<CheckIn> checkIns, FollowUpSignals? signals = null, DateTimeOffset? now = null) =>
        LowMoodFollowUp.ShouldShow(checkIns, new FixedClock(now ?? Now), London, signals ?? FollowUpSignals.None);

    [Fact]
    public void Two_low_check_ins_in_a_week_are_not_enough_and_three_are()
    {
        Assert.False(Shows(LowOn(0, 3)));
        Assert.True(Shows(LowOn(0, 3, 5)));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(10, false)]
    public void Only_the_bottom_of_the_scale_counts(int mood, bool low)
    {
        Assert.Equal(low, LowMoodFollowUp.IsLow(mood));
        var checkIns = Enumerable.Range(0, 3).Select(d => Make.CheckIn(Today.AddDays(-d), mood: mood)).ToList();
        Assert.Equal(low, Shows(checkIns));
    }

    [Fact]
    public void The_window_is_today_and_the_six_days_before_it()
    {
        // Six days ago is inside the window; seven days ago is not.
        Assert.True(Shows(LowOn(0, 1, 6)));
        Assert.False(Shows(LowOn(0, 1, 7)));
        Assert.Equal(2, LowMoodFollowUp.LowDays(LowOn(0, 1, 7), Today));

        // A check-in for a day after today (another zone's tomorrow) is not counted.
        Assert.False(Shows(LowOn(0, 1).Append(Make.CheckIn(Today.AddDays(1), mood: 1))));
    }

    [Fact]
    public void The_window_moves_with_the_clock_in_the_users_zone()
    {
        var checkIns = LowOn(4, 5, 6);
        Assert.True(Shows(checkIns));

        // Just before midnight in London, Monday is still today; one minute after, the oldest low day leaves the window.
        Assert.True(Shows(checkIns, now: new DateTimeOffset(2026, 11, 2, 23, 59, 0, TimeSpan.Zero)));
        Assert.False(Shows(checkIns, now: new DateTimeOffset(2026, 11, 3, 0, 1, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void One_check_in_per_day_the_last_one_given_winning()
    {
        var sameDay = new[] { Make.CheckIn(Today, mood: 1), Make.CheckIn(Today, mood: 1), Make.CheckIn(Today.AddDays(-1), mood: 2) };
        Assert.False(Shows(sameDay));
        var rewritten = LowOn(0, 1, 2).Append(Make.CheckIn(Today, mood: 7));
        Assert.False(Shows(rewritten));
    }

    [Fact]
    public void A_crisis_finding_in_the_last_seven_days_brings_the_card_on_its_own()
    {
        var found = Now.UtcDateTime.AddDays(-7).AddMinutes(1);
        Assert.True(Shows([], new FollowUpSignals(found, null)));
        Assert.False(Shows([], new FollowUpSignals(Now.UtcDateTime.AddDays(-7), null)));
        Assert.False(Shows([], new FollowUpSignals(Now.UtcDateTime.AddDays(-30), null)));
    }

    [Fact]
    public void Putting_the_card_away_hides_it_for_a_week()
    {
        var low = LowOn(0, 1, 2);
        var dismissed = Now.UtcDateTime.AddDays(-1);
        Assert.False(Shows(low, new FollowUpSignals(null, dismissed)));

        // Still low a week after putting it away: the card comes back, not before.
        Assert.False(Shows(low, new FollowUpSignals(null, dismissed), now: new DateTimeOffset(dismissed.AddDays(7).AddSeconds(-1))));
        var weekLater = new DateTimeOffset(dismissed.AddDays(7));
        var lowThen = Enumerable.Range(0, 3).Select(d => Make.CheckIn(LocalToday(weekLater).AddDays(-d), mood: 1)).ToList();
        Assert.True(Shows(lowThen, new FollowUpSignals(null, dismissed), now: weekLater));

        // A week later with better days: nothing to show.
        Assert.False(Shows([], new FollowUpSignals(null, dismissed), now: weekLater));
    }

    [Fact]
    public void A_crisis_finding_after_the_card_was_put_away_brings_it_back()
    {
        var dismissed = Now.UtcDateTime.AddDays(-2);
        Assert.False(Shows([], new FollowUpSignals(dismissed.AddMinutes(-5), dismissed)));
        Assert.True(Shows([], new FollowUpSignals(dismissed.AddHours(1), dismissed)));
    }

    private static DateOnly LocalToday(DateTimeOffset now) => Rekindle.Core.Time.LocalCalendar.Today(new FixedClock(now), London);
}
