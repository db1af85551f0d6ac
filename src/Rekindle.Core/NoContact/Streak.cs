using Rekindle.Core.Time;

namespace Rekindle.Core.NoContact;

/// <summary>Where the user stands in no contact, counted in local calendar days.</summary>
/// <param name="CurrentDays">Whole contact-free days since the current stretch began (0 on its first day).</param>
/// <param name="LongestDays">The longest stretch so far, including the current one.</param>
/// <param name="StretchStartedOn">The local date the current stretch began (the start, or the last restart).</param>
/// <param name="Restarts">How many times the count started again.</param>
/// <param name="TargetDays">The user's target.</param>
/// <param name="NextMilestone">The next milestone above the current count, or null after the last one.</param>
/// <param name="DaysSinceBreakup">Days since the breakup, when its date is known.</param>
public sealed record StreakSummary(
    int CurrentDays,
    int LongestDays,
    DateOnly StretchStartedOn,
    int Restarts,
    int TargetDays,
    int? NextMilestone,
    int? DaysSinceBreakup)
{
    /// <summary>The day the user is living now: day 1 is the first day.</summary>
    public int DayNumber => CurrentDays + 1;

    public bool TargetReached => CurrentDays >= TargetDays;

    public int DaysToTarget => Math.Max(0, TargetDays - CurrentDays);

    public int? DaysToNextMilestone => NextMilestone - CurrentDays;

    /// <summary>Progress to the target, 0 to 100.</summary>
    public int PercentOfTarget => TargetDays <= 0 ? 0 : (int)Math.Min(100, Math.Floor(CurrentDays * 100.0 / TargetDays));

    /// <summary>Milestones already reached in the current stretch.</summary>
    public IEnumerable<int> MilestonesReached => NoContactTarget.Milestones.Where(m => m <= CurrentDays);
}

public static class Streak
{
    /// <summary>
    /// Summarises no contact from its start date, the local dates of the contacts that restarted it, and today.
    /// Restarts before the start or after today are ignored; several on one day count as one.
    /// </summary>
    public static StreakSummary Summarize(
        DateOnly startedOn,
        IEnumerable<DateOnly> restartDates,
        DateOnly today,
        int targetDays,
        DateOnly? breakupDate = null)
    {
        ArgumentNullException.ThrowIfNull(restartDates);
        if (today < startedOn)
        {
            // A clock or zone change can put "today" before the start; nothing has been counted yet.
            today = startedOn;
        }

        var restarts = restartDates
            .Where(d => d >= startedOn && d <= today)
            .Distinct()
            .Order()
            .ToList();

        var stretchStart = startedOn;
        var longest = 0;
        foreach (var restart in restarts)
        {
            longest = Math.Max(longest, LocalCalendar.DaysBetween(stretchStart, restart));
            stretchStart = restart;
        }

        var current = LocalCalendar.DaysBetween(stretchStart, today);
        longest = Math.Max(longest, current);

        int? next = NoContactTarget.Milestones.Where(m => m > current).Cast<int?>().FirstOrDefault();
        int? sinceBreakup = breakupDate is { } b ? Math.Max(0, LocalCalendar.DaysBetween(b, today)) : null;

        return new StreakSummary(current, longest, stretchStart, restarts.Count, targetDays, next, sinceBreakup);
    }
}
