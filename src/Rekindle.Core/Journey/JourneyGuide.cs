using Rekindle.Core.NoContact;

namespace Rekindle.Core.Journey;

/// <summary>What the app knows about where the user is, for recommending the next step.</summary>
public sealed record JourneyFacts(
    bool SituationDone,
    bool SafetyScreenDone,
    bool SafetyPivot,
    bool NoContactStarted,
    StreakSummary? Streak);

/// <summary>The next thing to do, as a stable key the pages turn into words.</summary>
public enum NextStep
{
    DescribeSituation,
    AnswerSafetyScreen,
    CommitToNoContact,
    KeepNoContact,
    BeginHonestInventory,
    FollowHealingTrack,
}

public sealed record Recommendation(Phase Phase, NextStep Next);

public static class JourneyGuide
{
    /// <summary>The recommended phase and step from the user's data. Advice only: nothing here locks a page.</summary>
    public static Recommendation Recommend(JourneyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.SituationDone)
        {
            return new(Phase.Situation, NextStep.DescribeSituation);
        }

        if (!facts.SafetyScreenDone)
        {
            return new(Phase.Situation, NextStep.AnswerSafetyScreen);
        }

        if (facts.SafetyPivot)
        {
            return new(Phase.Heal, NextStep.FollowHealingTrack);
        }

        if (!facts.NoContactStarted || facts.Streak is null)
        {
            return new(Phase.Stabilize, NextStep.CommitToNoContact);
        }

        return facts.Streak.TargetReached
            ? new(Phase.Reflect, NextStep.BeginHonestInventory)
            : new(Phase.NoContact, NextStep.KeepNoContact);
    }
}
