using Rekindle.Core.Assessments;
using Rekindle.Core.Content;
using Rekindle.Core.Tests.Content;

namespace Rekindle.Core.Tests.Journey;

public sealed class CoolingPeriodTests
{
    private static readonly DateOnly Finished = new(2026, 11, 2);

    private static readonly PageStrings Strings = ContentLoader.Load(ShippedContent.Files().Select(f => new ContentFile(f.Key, f.Value))).Strings;

    [Fact]
    public void Without_a_finished_inventory_pursue_is_closed_and_says_what_to_finish()
    {
        var state = CoolingPeriod.Evaluate(null, Finished);
        Assert.False(state.PursueOpen);
        Assert.Null(state.OpensOn);
        Assert.Contains("your part and theirs", Strings[state.Detail], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false, 7, "You finished your inventory today: 7 more days before Pursue opens. We suggest 14.")]
    [InlineData(3, false, 4, "Day 3 of at least 7 since you finished your inventory: 4 more days before Pursue opens. We suggest 14.")]
    [InlineData(6, false, 1, "Day 6 of at least 7 since you finished your inventory: one more day before Pursue opens. We suggest 14.")]
    [InlineData(7, true, 0, "7 days since you finished your inventory, so Pursue is open. If you can, wait until day 14, 7 days from now.")]
    [InlineData(13, true, 0, "13 days since you finished your inventory, so Pursue is open. If you can, wait one more day, until day 14.")]
    [InlineData(14, true, 0, "14 days since you finished your inventory. Pursue is open.")]
    [InlineData(40, true, 0, "40 days since you finished your inventory. Pursue is open.")]
    public void Pursue_opens_on_the_seventh_day_and_the_count_is_shown(int days, bool open, int left, string words)
    {
        var state = CoolingPeriod.Evaluate(Finished, Finished.AddDays(days));
        Assert.Equal(open, state.PursueOpen);
        Assert.Equal(days, state.DaysSince);
        Assert.Equal(left, state.DaysLeft);
        Assert.Equal(Finished.AddDays(7), state.OpensOn);
        Assert.Equal(Finished.AddDays(14), state.SuggestedOn);
        Assert.Equal(words, Strings[state.Detail]);
    }

    [Fact]
    public void A_today_before_the_finished_day_counts_as_nothing_passed()
    {
        var state = CoolingPeriod.Evaluate(Finished, Finished.AddDays(-2));
        Assert.Equal(0, state.DaysSince);
        Assert.False(state.PursueOpen);
        Assert.Equal(7, state.DaysLeft);
    }

    [Fact]
    public void The_minimum_and_the_suggestion_are_one_and_two_weeks()
    {
        Assert.Equal(7, CoolingPeriod.MinimumDays);
        Assert.Equal(14, CoolingPeriod.SuggestedDays);
        Assert.Contains("week", Strings["cooling.reason"], StringComparison.Ordinal);
    }
}
