namespace Rekindle.Core.Assessments;

/// <summary>The three things each day of the plan asks for.</summary>
public enum PlanItem { Lesson, Action, Prompt }

/// <summary>
/// The daily plan is numbered from the day no contact began, not from the current streak: a restart of the count
/// never takes away a lesson already done, and a missed day never blocks the next one.
/// </summary>
public static class DailyPlan
{
    /// <summary>Day 1 is the first day of no contact; before it starts, the plan is on day 1.</summary>
    public static int DayNumber(DateOnly? noContactStartedOn, DateOnly today) =>
        noContactStartedOn is { } start ? Math.Max(1, today.DayNumber - start.DayNumber + 1) : 1;

    /// <summary>
    /// The day on the user's track. The healing plan counts from the day the track began: a person on it may never
    /// start no contact (shared children, or the ex long gone), and its day 1 must not last for ever.
    /// </summary>
    public static int DayNumber(Journey.Track track, DateOnly? noContactStartedOn, DateOnly? healingBeganOn, DateOnly today) =>
        DayNumber(track == Journey.Track.Healing ? healingBeganOn ?? noContactStartedOn : noContactStartedOn, today);

    /// <summary>Days before today with nothing checked: shown as available to catch up, never as a debt.</summary>
    public static IReadOnlyList<int> OpenEarlierDays(int today, IEnumerable<int> daysWithAnyItemDone, int lookBack = 7)
    {
        var done = daysWithAnyItemDone.ToHashSet();
        return Enumerable.Range(Math.Max(1, today - lookBack), Math.Max(0, Math.Min(lookBack, today - 1))).Where(d => !done.Contains(d)).ToList();
    }
}
