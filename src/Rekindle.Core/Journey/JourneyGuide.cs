using Rekindle.Core.NoContact;

namespace Rekindle.Core.Journey;

/// <summary>The user's own answer in the decide phase.</summary>
public enum Decision { Pursue, NotNow, LetGo }

/// <summary>How the talk ended, when it has.</summary>
public enum TalkOutcome { Yes, No }

/// <summary>What the app knows about where the user is, for recommending the next step.</summary>
public sealed record JourneyFacts(
    bool SituationDone,
    bool SafetyScreenDone,
    bool SafetyPivot,
    bool NoContactStarted,
    StreakSummary? Streak,
    bool InventoryDone = false,
    Decision? Decision = null,
    string? LatestStage = null,
    TalkOutcome? Outcome = null,
    bool SilenceEnded = false);

/// <summary>The next thing to do, as a stable key the pages turn into words.</summary>
public enum NextStep
{
    DescribeSituation,
    AnswerSafetyScreen,
    CommitToNoContact,
    KeepNoContact,
    BeginHonestInventory,
    FollowHealingTrack,
    MakeTheDecision,
    KeepFocusingOnYou,
    CheckReadiness,
    KeepReconnecting,
    HaveTheTalk,
    RebuildTogether,
    AcceptTheEnding,

    /// <summary>No reply to the first message or the one follow-up (or the user let it rest): acceptance, not failure.</summary>
    AcceptTheSilence,
}

public sealed record Recommendation(Phase Phase, NextStep Next);

/// <summary>Whether a phase's page coaches; refused only by the reconciliation policy, with the key of its reason.</summary>
public sealed record PhaseAccess(bool Allowed, string? Reason)
{
    public static readonly PhaseAccess Open = new(true, null);
}

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

        if (facts.Outcome == TalkOutcome.No || facts.Decision == Decision.LetGo)
        {
            return new(Phase.Accept, NextStep.AcceptTheEnding);
        }

        if (facts.SilenceEnded && facts.Outcome is null)
        {
            return new(Phase.Accept, NextStep.AcceptTheSilence);
        }

        if (facts.Outcome == TalkOutcome.Yes)
        {
            return new(Phase.Rebuild, NextStep.RebuildTogether);
        }

        if (!facts.NoContactStarted || facts.Streak is null)
        {
            return new(Phase.Stabilize, NextStep.CommitToNoContact);
        }

        if (!facts.Streak.TargetReached && facts.Decision is null)
        {
            return new(Phase.NoContact, NextStep.KeepNoContact);
        }

        if (!facts.InventoryDone)
        {
            return new(Phase.Reflect, NextStep.BeginHonestInventory);
        }

        return facts.Decision switch
        {
            null => new(Phase.Decide, NextStep.MakeTheDecision),
            Decision.NotNow => new(Phase.Focus, NextStep.KeepFocusingOnYou),
            _ => facts.LatestStage switch
            {
                null => new(Phase.ReachOut, NextStep.CheckReadiness),
                "the-talk" or "outcome" => new(Phase.Talk, NextStep.HaveTheTalk),
                _ => new(Phase.Reconnect, NextStep.KeepReconnecting),
            },
        };
    }

    /// <summary>
    /// Users move freely backward and forward through the program: its advice is never a lock. The one
    /// exception is safety: while the reconciliation policy (Rekindle.Core.Safety) closes reconciliation, the
    /// phases that coach getting back together are off. <paramref name="closedReasonKey"/> is the key of the
    /// page string that says why, or null while reconciliation is open. <paramref name="decideClosed"/> closes the
    /// decide phase too (a yes on the safety screen, a threat from the ex).
    /// </summary>
    public static PhaseAccess Access(Phase phase, string? closedReasonKey, bool decideClosed = false) =>
        closedReasonKey is not null && (phase.IsReconciliation() || (decideClosed && phase == Phase.Decide)) ? new PhaseAccess(false, closedReasonKey) : PhaseAccess.Open;
}
