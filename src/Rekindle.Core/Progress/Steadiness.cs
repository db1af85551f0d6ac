using Rekindle.Core.CheckIns;

namespace Rekindle.Core.Progress;

/// <summary>The readiness item "the last 7 days of check-ins are steady", with each part spelled out.</summary>
/// <param name="CheckInDays">Days with a check-in in the last 7 local days.</param>
/// <param name="EnoughCheckIns">At least <see cref="SteadyWeek.MinimumCheckIns"/> check-ins, so there is something to judge.</param>
/// <param name="MoodSteady">Mood averaged at least 5 and no two days were more than 4 points apart.</param>
/// <param name="UrgesCalm">No urge was acted on and no day's strongest urge reached 8.</param>
public sealed record SteadyWeekResult(int CheckInDays, bool EnoughCheckIns, bool MoodSteady, bool UrgesCalm)
{
    /// <summary>Advice only: it never locks anything.</summary>
    public bool IsSteady => EnoughCheckIns && MoodSteady && UrgesCalm;
}

/// <summary>
/// "Steady" for the readiness list. It is advice, deliberately simple and explainable: enough check-ins to judge
/// (5 of 7 days), a mood that is mostly okay and not swinging (average ≥ 5, highest minus lowest ≤ 4), and urges
/// that are manageable (none acted on in the urge log, no check-in with a strongest urge of 8 or more).
/// </summary>
public static class SteadyWeek
{
    public const int MinimumCheckIns = 5;
    public const double MinimumMoodAverage = 5.0;
    public const int MaximumMoodSwing = 4;
    public const int StrongUrge = 8;

    public static SteadyWeekResult Evaluate(IEnumerable<CheckIn> checkIns, IEnumerable<UrgeEvent> urges, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(urges);
        var from = today.AddDays(-6);
        var week = CheckInRules.ByDate(checkIns).Where(kv => kv.Key >= from && kv.Key <= today).Select(kv => kv.Value).ToList();
        var enough = week.Count >= MinimumCheckIns;
        var moodSteady = week.Count > 0
            && week.Average(c => c.Mood) >= MinimumMoodAverage
            && week.Max(c => c.Mood) - week.Min(c => c.Mood) <= MaximumMoodSwing;
        var actedOn = urges.Any(u => u.Date >= from && u.Date <= today && u.Outcome == UrgeOutcome.Contacted);
        var strong = week.Any(c => c.UrgeCount > 0 && c.StrongestUrge >= StrongUrge);
        return new SteadyWeekResult(week.Count, enough, moodSteady, !actedOn && !strong);
    }
}
