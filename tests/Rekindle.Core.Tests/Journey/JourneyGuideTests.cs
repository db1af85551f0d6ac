using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Core.NoContact;
using Rekindle.Core.Tests.Content;

namespace Rekindle.Core.Tests.Journey;

public sealed class JourneyGuideTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    private static StreakSummary Streak(int days, int target = 30) => Rekindle.Core.NoContact.Streak.Summarize(Today.AddDays(-days), [], Today, target, null);

    private static JourneyFacts Ready(int days = 30) => new(true, true, false, true, Streak(days));

    public static TheoryData<JourneyFacts, Phase, NextStep> Transitions() => new()
    {
        { new(false, false, false, false, null), Phase.Situation, NextStep.DescribeSituation },
        { new(true, false, false, false, null), Phase.Situation, NextStep.AnswerSafetyScreen },
        { new(true, true, true, true, null, Decision: Decision.Pursue), Phase.Heal, NextStep.FollowHealingTrack },
        { new(true, true, false, false, null), Phase.Stabilize, NextStep.CommitToNoContact },
        { Ready(days: 10), Phase.NoContact, NextStep.KeepNoContact },
        { Ready(), Phase.Reflect, NextStep.BeginHonestInventory },
        { Ready() with { InventoryDone = true }, Phase.Decide, NextStep.MakeTheDecision },
        { Ready() with { InventoryDone = true, Decision = Decision.NotNow }, Phase.Focus, NextStep.KeepFocusingOnYou },
        { Ready() with { InventoryDone = true, Decision = Decision.LetGo }, Phase.Accept, NextStep.AcceptTheEnding },
        { Ready() with { InventoryDone = true, Decision = Decision.Pursue }, Phase.ReachOut, NextStep.CheckReadiness },
        { Ready() with { InventoryDone = true, Decision = Decision.Pursue, LatestStage = "call" }, Phase.Reconnect, NextStep.KeepReconnecting },
        { Ready() with { InventoryDone = true, Decision = Decision.Pursue, LatestStage = "the-talk" }, Phase.Talk, NextStep.HaveTheTalk },
        { Ready() with { InventoryDone = true, Decision = Decision.Pursue, LatestStage = "outcome", Outcome = TalkOutcome.Yes }, Phase.Rebuild, NextStep.RebuildTogether },
        { Ready() with { InventoryDone = true, Decision = Decision.Pursue, LatestStage = "outcome", Outcome = TalkOutcome.No }, Phase.Accept, NextStep.AcceptTheEnding },
        // A decision made early (before the target) still counts: the advice never forces the user back.
        { Ready(days: 10) with { InventoryDone = true, Decision = Decision.Pursue }, Phase.ReachOut, NextStep.CheckReadiness },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void The_recommendation_follows_the_users_data(JourneyFacts facts, Phase phase, NextStep next)
    {
        var recommendation = JourneyGuide.Recommend(facts);
        Assert.Equal(phase, recommendation.Phase);
        Assert.Equal(next, recommendation.Next);
    }

    [Fact]
    public void A_closed_reconciliation_turns_off_the_reconciliation_phases_and_explains_why()
    {
        const string reason = "refused.reasons.safety-answer";
        foreach (var phase in Phases.All)
        {
            var access = JourneyGuide.Access(phase, reason);
            var off = phase is Phase.ReachOut or Phase.Reconnect or Phase.Talk or Phase.Rebuild;
            Assert.Equal(!off, access.Allowed);
            Assert.Equal(off ? reason : null, access.Reason);
            Assert.True(JourneyGuide.Access(phase, closedReasonKey: null).Allowed, $"{phase} is open while reconciliation is");
        }

        var shipped = ContentLoader.Load(ShippedContent.Files().Select(f => new ContentFile(f.Key, f.Value))).Strings;
        Assert.Contains("abuse", shipped[reason], StringComparison.Ordinal);
    }
}
