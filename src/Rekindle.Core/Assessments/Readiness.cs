using Rekindle.Core.Journey;
using Rekindle.Core.Progress;

namespace Rekindle.Core.Assessments;

public enum ItemStatus { Met, NotYet, Unknown }

public sealed record ReadinessItem(string Id, ItemStatus Status, string Detail);

/// <param name="Confident">Self-reported; null when not answered.</param>
/// <param name="OkayIfNo">Self-reported; null when not answered.</param>
public sealed record ReadinessFacts(bool TargetReached, int? DaysToTarget, Decision? Decision, bool InventoryDone, SteadyWeekResult Week, bool? Confident, bool? OkayIfNo);

/// <summary>The readiness list before reaching out, each item with its live status. Advice, never a lock.</summary>
public static class ReadinessCheck
{
    public static IReadOnlyList<ReadinessItem> Evaluate(ReadinessFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return
        [
            new("target", facts.TargetReached ? ItemStatus.Met : ItemStatus.NotYet,
                facts.TargetReached ? "You reached it." : facts.DaysToTarget is { } left ? $"{left} more day{(left == 1 ? "" : "s")} to go." : "No contact hasn't started."),
            new("pursue", facts.Decision == Decision.Pursue ? ItemStatus.Met : facts.Decision is null ? ItemStatus.Unknown : ItemStatus.NotYet,
                facts.Decision switch { Decision.Pursue => "You chose to pursue.", null => "You haven't decided yet.", _ => "Your decision is not to pursue right now." }),
            new("inventory", facts.InventoryDone ? ItemStatus.Met : ItemStatus.NotYet, facts.InventoryDone ? "Done." : "Not finished yet."),
            new("steady", facts.Week.IsSteady ? ItemStatus.Met : facts.Week.EnoughCheckIns ? ItemStatus.NotYet : ItemStatus.Unknown,
                !facts.Week.EnoughCheckIns ? $"Check in on at least {SteadyWeek.MinimumCheckIns} of 7 days to know ({facts.Week.CheckInDays} so far)."
                : facts.Week.IsSteady ? "Your mood and urges were steady this week."
                : !facts.Week.MoodSteady ? "Your mood has been low or up and down this week." : "Urges were strong or acted on this week."),
            new("confident", Self(facts.Confident), facts.Confident switch { true => "You said yes.", false => "You said not yet.", null => "Only you can answer this one." }),
            new("okay-if-no", Self(facts.OkayIfNo), facts.OkayIfNo switch { true => "You said yes.", false => "You said not yet.", null => "Only you can answer this one." }),
        ];
    }

    private static ItemStatus Self(bool? answer) => answer switch { true => ItemStatus.Met, false => ItemStatus.NotYet, null => ItemStatus.Unknown };
}
