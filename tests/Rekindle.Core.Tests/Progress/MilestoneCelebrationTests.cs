using Rekindle.Core.NoContact;
using Rekindle.Core.Progress;

namespace Rekindle.Core.Tests.Progress;

public class MilestoneCelebrationTests
{
    private static readonly DateOnly Start = new(2026, 10, 1);

    private static StreakSummary StreakOn(int day, params DateOnly[] restarts) =>
        Streak.Summarize(Start, restarts, Start.AddDays(day), 30);

    [Theory]
    [InlineData(0, null)]
    [InlineData(6, null)]
    [InlineData(7, 7)]
    [InlineData(13, 7)]
    [InlineData(14, 14)]
    [InlineData(21, 21)]
    [InlineData(30, 30)]
    [InlineData(44, 30)]
    [InlineData(45, 45)]
    [InlineData(400, 45)]
    public void The_highest_milestone_reached_is_due(int day, int? expected) =>
        Assert.Equal(expected, MilestoneCelebration.Due(StreakOn(day), [])?.Days);

    [Fact]
    public void Each_milestone_is_shown_once()
    {
        var celebrated = new List<MilestoneMoment>();
        var shown = new List<int>();
        for (var day = 0; day <= 60; day++)
        {
            if (MilestoneCelebration.Due(StreakOn(day), celebrated) is { } moment)
            {
                Assert.Equal(Start.AddDays(day), moment.ReachedOn);
                shown.Add(moment.Days);
                celebrated.Add(moment);
            }
        }

        Assert.Equal([7, 14, 21, 30, 45], shown);
    }

    [Fact]
    public void A_milestone_missed_while_away_is_not_shown_late()
    {
        var moment = MilestoneCelebration.Due(StreakOn(15), []);
        Assert.Equal(new MilestoneMoment(14, Start), moment);
        Assert.Null(MilestoneCelebration.Due(StreakOn(16), [moment!]));
    }

    [Fact]
    public void After_a_restart_the_same_milestone_is_worth_celebrating_again()
    {
        var first = new MilestoneMoment(7, Start);
        var restart = Start.AddDays(10);
        var again = MilestoneCelebration.Due(StreakOn(17, restart), [first]);
        Assert.Equal(new MilestoneMoment(7, restart), again);
        Assert.Equal(Start.AddDays(17), again!.ReachedOn);
        Assert.Null(MilestoneCelebration.Due(StreakOn(12, restart), [first]));
    }
}
