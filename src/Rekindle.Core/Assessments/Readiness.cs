using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Core.Progress;

namespace Rekindle.Core.Assessments;

public enum ItemStatus { Met, NotYet, Unknown }

public sealed record ReadinessItem(string Id, ItemStatus Status, Phrase Detail);

/// <param name="Confident">Self-reported; null when not answered.</param>
/// <param name="OkayIfNo">Self-reported; null when not answered.</param>
/// <param name="Respect">Self-reported: mutual respect is there; null when not answered.</param>
/// <param name="ResentmentSettled">Self-reported: the resentment has settled; null when not answered.</param>
public sealed record ReadinessFacts(bool TargetReached, int? DaysToTarget, Decision? Decision, bool InventoryDone, SteadyWeekResult Week, bool? Confident, bool? OkayIfNo,
    bool? Respect = null, bool? ResentmentSettled = null);

/// <summary>The readiness list before reaching out, each item with its live status. Advice, never a lock.</summary>
public static class ReadinessCheck
{
    public static IReadOnlyList<ReadinessItem> Evaluate(ReadinessFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return
        [
            new("target", facts.TargetReached ? ItemStatus.Met : ItemStatus.NotYet,
                facts.TargetReached ? new Phrase("readiness.detail.target-reached")
                : facts.DaysToTarget is 1 ? new Phrase("readiness.detail.one-day-left")
                : facts.DaysToTarget is { } left ? new Phrase("readiness.detail.days-left", ("days", left))
                : new Phrase("readiness.detail.not-started")),
            new("pursue", facts.Decision == Decision.Pursue ? ItemStatus.Met : facts.Decision is null ? ItemStatus.Unknown : ItemStatus.NotYet,
                facts.Decision switch { Decision.Pursue => new Phrase("readiness.detail.chose-pursue"), null => new Phrase("readiness.detail.undecided"), _ => new Phrase("readiness.detail.not-pursuing") }),
            new("inventory", facts.InventoryDone ? ItemStatus.Met : ItemStatus.NotYet, new Phrase(facts.InventoryDone ? "readiness.detail.inventory-done" : "readiness.detail.inventory-not-done")),
            new("steady", facts.Week.IsSteady ? ItemStatus.Met : facts.Week.EnoughCheckIns ? ItemStatus.NotYet : ItemStatus.Unknown,
                !facts.Week.EnoughCheckIns ? new Phrase("readiness.detail.too-few-check-ins", ("minimum", SteadyWeek.MinimumCheckIns), ("so-far", facts.Week.CheckInDays))
                : facts.Week.IsSteady ? new Phrase("readiness.detail.steady")
                : !facts.Week.MoodSteady ? new Phrase("readiness.detail.mood-unsteady") : new Phrase("readiness.detail.urges-strong")),
            new("confident", Self(facts.Confident), SelfDetail(facts.Confident)),
            new("okay-if-no", Self(facts.OkayIfNo), SelfDetail(facts.OkayIfNo)),
            new("respect", Self(facts.Respect), facts.Respect == false ? new Phrase("readiness.detail.respect-not-yet") : SelfDetail(facts.Respect)),
            new("resentment", Self(facts.ResentmentSettled), facts.ResentmentSettled == false ? new Phrase("readiness.detail.resentment-not-yet") : SelfDetail(facts.ResentmentSettled)),
        ];
    }

    /// <summary>The self-reported items the user answers on the page, in order.</summary>
    public static readonly string[] SelfReported = ["confident", "okay-if-no", "respect", "resentment"];

    /// <summary>
    /// The honest reading shown above the list when respect or resentment is "not yet": those two can decide how a
    /// second try goes whatever the rest says. Null otherwise. Advice, never a lock.
    /// </summary>
    public static Phrase? HonestReading(IReadOnlyList<ReadinessItem> items) =>
        items.Any(i => i.Id is "respect" or "resentment" && i.Status == ItemStatus.NotYet) ? new Phrase("readiness.reading-not-yet") : null;

    private static Phrase SelfDetail(bool? answer) => answer switch { true => new Phrase("readiness.detail.said-yes"), false => new Phrase("readiness.detail.said-not-yet"), null => new Phrase("readiness.detail.only-you") };

    private static ItemStatus Self(bool? answer) => answer switch { true => ItemStatus.Met, false => ItemStatus.NotYet, null => ItemStatus.Unknown };
}
