using Rekindle.Core.Coach;
using Rekindle.Core.Journey;

namespace Rekindle.Core.Safety;

/// <summary>Why reconciliation coaching is closed for a user. Stable: the API sends it as a code.</summary>
public enum ReconciliationReason
{
    /// <summary>The safety screen has not been answered yet: nothing coaches toward the ex before it is.</summary>
    ScreenNotAnswered,

    /// <summary>A yes on the safety screen (abuse, threats, control or repeated betrayal).</summary>
    SafetyAnswer,

    /// <summary>Abuse, violence, threats or control ticked among Decide's red flags.</summary>
    RedFlag,

    /// <summary>Abuse or control named as a cause in the honest inventory.</summary>
    InventoryAbuse,

    /// <summary>A message from the ex was read as threatening the user.</summary>
    ExThreat,

    /// <summary>The reasons above are gone, but leaving the healing track takes a waiting week and a written reflection.</summary>
    LeavingTrackWaiting,
}

/// <summary>Where the user stands on leaving the healing track, if they are on it.</summary>
/// <param name="EnteredAt">When the healing track began (null: never on it, or left).</param>
/// <param name="LeaveRequestedAt">When the user confirmed undoing the last reason, which starts the waiting week.</param>
/// <param name="ReflectionWritten">Whether the short reflection asked for before leaving has been written.</param>
public sealed record TrackState(DateTime? EnteredAt, DateTime? LeaveRequestedAt, bool ReflectionWritten)
{
    public static TrackState None { get; } = new(null, null, false);

    public bool OnTrack => EnteredAt is not null;
}

/// <summary>Everything the policy reads. Plain facts, no I/O: the web layer loads them.</summary>
/// <param name="Safety">The safety screen's answers, or null while it has not been answered.</param>
/// <param name="DecideRedFlags">Red flag ids ticked in the latest Decide answers.</param>
/// <param name="InventoryCauses">Cause ids ticked in the latest honest inventory.</param>
/// <param name="ExThreatFoundAt">When the crisis reader found a message from the ex threatening the user.</param>
public sealed record ReconciliationFacts(
    SafetyAnswers? Safety,
    IReadOnlyCollection<string> DecideRedFlags,
    IReadOnlyCollection<string> InventoryCauses,
    DateTime? ExThreatFoundAt,
    TrackState Track,
    DateTime Now);

/// <summary>What the user can use instead of a closed reconciliation tool. Ids the pages and the API turn into links.</summary>
public static class OpenInstead
{
    public const string Healing = "healing";
    public const string HealingTrack = "healing-track";
    public const string SafetyScreen = "safety-screen";
    public const string NoContact = "no-contact";
    public const string Journal = "journal";
    public const string Letters = "letters";
    public const string Help = "help";
}

/// <summary>The answer: open, or closed with the reason and what is open instead.</summary>
/// <param name="OpensAt">For a waiting week: the moment it ends (the reflection may still be needed).</param>
public sealed record ReconciliationDecision(bool IsOpen, ReconciliationReason? Reason, IReadOnlyList<string> Instead, DateTime? OpensAt = null)
{
    public static ReconciliationDecision Open { get; } = new(true, null, []);

    /// <summary>Closed for one of the reasons that put the user on the healing track (not the unanswered screen, not the wait).</summary>
    public bool TrackReason => Reason is ReconciliationReason.SafetyAnswer or ReconciliationReason.RedFlag or ReconciliationReason.InventoryAbuse or ReconciliationReason.ExThreat;
}

/// <summary>
/// The one rule for reconciliation: every tool that coaches a user back toward the ex, or records the way back,
/// asks this first. Reconciliation is open only after the safety screen is answered, and closed while any answer is
/// yes, while abuse, violence, threats or control are flagged in Decide or the inventory, after a message from the
/// ex was read as a threat, and for a waiting week (with a written reflection) after the user undoes the reasons.
/// </summary>
public static class ReconciliationPolicy
{
    /// <summary>How long leaving the healing track waits after the user confirms it.</summary>
    public static readonly TimeSpan WaitingWeek = TimeSpan.FromDays(7);

    /// <summary>Decide red flags that mean abuse, violence, threats or control (ids in content/en/program/assessments.yaml).</summary>
    public static readonly IReadOnlySet<string> AbuseRedFlags = new HashSet<string>(StringComparer.Ordinal) { "abuse" };

    /// <summary>Inventory causes that mean abuse or control.</summary>
    public static readonly IReadOnlySet<string> AbuseCauses = new HashSet<string>(StringComparer.Ordinal) { "abuse" };

    /// <summary>The coach's stages that coach a message toward getting back together.</summary>
    public static bool IsReconciliation(this CoachStage stage) =>
        stage is CoachStage.FirstContact or CoachStage.Reconnecting or CoachStage.Inviting or CoachStage.TheTalk or CoachStage.Together;

    /// <summary>The program's phases that coach getting back together.</summary>
    public static bool IsReconciliationPhase(Phase phase) => phase.IsReconciliation();

    /// <summary>
    /// Whether Decide itself (weighing going back) is closed, not only its "Pursue": when the user told us of harm on
    /// the safety screen, or the ex threatened them. A flag inside Decide or the inventory leaves Decide open, so the
    /// flag can be changed there deliberately; only "Pursue" is closed then.
    /// </summary>
    public static bool ClosesDecide(this ReconciliationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Reason is ReconciliationReason.SafetyAnswer or ReconciliationReason.ExThreat;
    }

    /// <summary>Whether a phase's page and moving to it are closed by this decision.</summary>
    public static bool Closes(this ReconciliationDecision decision, Phase phase)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return !decision.IsOpen && (phase.IsReconciliation() || (phase == Phase.Decide && decision.ClosesDecide()));
    }

    private static readonly string[] TrackInstead = [OpenInstead.Healing, OpenInstead.NoContact, OpenInstead.Journal, OpenInstead.Letters, OpenInstead.Help];
    private static readonly string[] ScreenInstead = [OpenInstead.SafetyScreen, OpenInstead.NoContact, OpenInstead.Journal, OpenInstead.Help];
    private static readonly string[] WaitingInstead = [OpenInstead.HealingTrack, OpenInstead.Healing, OpenInstead.Journal, OpenInstead.Help];

    /// <summary>Whether the facts hold a reason for the healing track (the reasons a user can only leave deliberately).</summary>
    public static ReconciliationReason? TrackReasonOf(ReconciliationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.ExThreatFoundAt is not null)
        {
            return ReconciliationReason.ExThreat;
        }

        if (facts.Safety is { PivotsToHealing: true })
        {
            return ReconciliationReason.SafetyAnswer;
        }

        if (facts.DecideRedFlags.Any(AbuseRedFlags.Contains))
        {
            return ReconciliationReason.RedFlag;
        }

        if (facts.InventoryCauses.Any(AbuseCauses.Contains))
        {
            return ReconciliationReason.InventoryAbuse;
        }

        return null;
    }

    /// <summary>A closed decision for a reason, with what is open instead (for a reason found in answers not yet saved).</summary>
    public static ReconciliationDecision Closed(ReconciliationReason reason) => reason switch
    {
        ReconciliationReason.ScreenNotAnswered => new(false, reason, ScreenInstead),
        ReconciliationReason.LeavingTrackWaiting => new(false, reason, WaitingInstead),
        _ => new(false, reason, TrackInstead),
    };

    public static ReconciliationDecision Decide(ReconciliationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (TrackReasonOf(facts) is { } reason)
        {
            return new(false, reason, TrackInstead);
        }

        if (facts.Safety is null)
        {
            return new(false, ReconciliationReason.ScreenNotAnswered, ScreenInstead);
        }

        if (facts.Track.OnTrack)
        {
            // The reasons are gone, but leaving is deliberate: confirmed, a week waited, a reflection written.
            var opensAt = facts.Track.LeaveRequestedAt is { } asked ? asked + WaitingWeek : (DateTime?)null;
            if (opensAt is null || facts.Now < opensAt || !facts.Track.ReflectionWritten)
            {
                return new(false, ReconciliationReason.LeavingTrackWaiting, WaitingInstead, opensAt);
            }
        }

        return ReconciliationDecision.Open;
    }
}
