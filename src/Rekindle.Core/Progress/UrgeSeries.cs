using Rekindle.Core.CheckIns;

namespace Rekindle.Core.Progress;

/// <summary>One checked-in day's urges. Days without a check-in have no entry: unknown is not zero.</summary>
/// <param name="Date">The local day.</param>
/// <param name="Count">Urges noted that day, 0 to 99.</param>
/// <param name="Strongest">The strongest urge, 1 to 10, or null when there were none.</param>
public sealed record UrgeDay(DateOnly Date, int Count, int? Strongest);

/// <summary>The urges series behind the urges chart, taken from the daily check-ins.</summary>
public static class UrgeSeries
{
    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> (inclusive) that have a check-in, oldest first.</summary>
    public static IReadOnlyList<UrgeDay> Build(IEnumerable<CheckIn> checkIns, DateOnly from, DateOnly to) =>
        CheckInRules.ByDate(checkIns)
            .Where(kv => kv.Key >= from && kv.Key <= to)
            .Select(kv => new UrgeDay(kv.Key, kv.Value.UrgeCount, kv.Value.UrgeCount > 0 ? kv.Value.StrongestUrge : null))
            .ToList();
}

/// <summary>How a logged urge ended.</summary>
public enum UrgeOutcome
{
    /// <summary>The urge passed without reaching out.</summary>
    Passed,

    /// <summary>The urge ended in contact.</summary>
    Contacted,
}

/// <summary>One entry from the urge log (the interrupt flow), reduced to what progress needs.</summary>
/// <param name="Date">The local day of the urge.</param>
/// <param name="Intensity">How strong it was, 1 to 10.</param>
/// <param name="Outcome">Whether it passed or ended in contact.</param>
public sealed record UrgeEvent(DateOnly Date, int Intensity, UrgeOutcome Outcome);
