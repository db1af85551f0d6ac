namespace Rekindle.Core.Progress;

/// <summary>What one day of the no-contact calendar shows.</summary>
public enum CalendarDayState
{
    /// <summary>Before no contact began.</summary>
    BeforeStart,

    /// <summary>A day without contact.</summary>
    ContactFree,

    /// <summary>A contact restarted the count that day (not a failure: the count simply starts again).</summary>
    Restart,

    /// <summary>A contact-free day on which a milestone (7, 14, 21, 30, 45 days) was reached.</summary>
    Milestone,

    /// <summary>The user's today (takes precedence over the states above).</summary>
    Today,

    /// <summary>After today.</summary>
    Future,
}

/// <summary>One cell of the year-in-pixels grid.</summary>
/// <param name="Date">The local day.</param>
/// <param name="State">What the day shows.</param>
/// <param name="DaysWithoutContact">
/// The count on that day (0 on a start or restart day), from the start date up to today; null before the start and in the future.
/// </param>
public sealed record CalendarDay(DateOnly Date, CalendarDayState State, int? DaysWithoutContact);

/// <summary>An inclusive range of local days.</summary>
public sealed record CalendarRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>The year-in-pixels model of no contact, from the start date and the restart dates.</summary>
public static class NoContactCalendar
{
    /// <summary>The longest range built at once (about three years).</summary>
    public const int MaxDays = 1100;

    /// <summary>
    /// The default view: from the breakup (or the start of no contact, whichever is earlier), but no more than the
    /// last 365 days, up to the end of the current week (weeks run Monday to Sunday), so the grid's last column is full.
    /// </summary>
    public static CalendarRange DefaultRange(DateOnly startedOn, DateOnly today, DateOnly? breakupDate = null)
    {
        var first = breakupDate is { } b && b < startedOn ? b : startedOn;
        var from = first < today.AddDays(-364) ? today.AddDays(-364) : first;
        if (from > today)
        {
            from = today;
        }

        var daysToSunday = (7 - (int)today.DayOfWeek) % 7;
        return new CalendarRange(from, today.AddDays(daysToSunday));
    }

    /// <summary>
    /// One <see cref="CalendarDay"/> per date from <paramref name="from"/> to <paramref name="to"/>. Restarts before
    /// the start or after today are ignored and several on one day count once, as in <see cref="NoContact.Streak"/>.
    /// A milestone day is a day whose count equals a milestone; a restart that same day wins.
    /// </summary>
    public static IReadOnlyList<CalendarDay> Build(
        DateOnly startedOn,
        IEnumerable<DateOnly> restartDates,
        DateOnly today,
        DateOnly from,
        DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(restartDates);
        if (to < from)
        {
            throw new ArgumentException("The range ends before it begins.", nameof(to));
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentException($"The range is longer than {MaxDays} days.", nameof(to));
        }

        var restarts = restartDates.Where(d => d >= startedOn && d <= today).ToHashSet();
        var milestones = NoContact.NoContactTarget.Milestones.ToHashSet();
        var days = new List<CalendarDay>(to.DayNumber - from.DayNumber + 1);

        // Walk from the start (or the range start, if later) so the count is known on every day in range.
        var stretchStart = startedOn;
        foreach (var r in restarts.Where(r => r < from).Order())
        {
            stretchStart = r;
        }

        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (date > today)
            {
                days.Add(new CalendarDay(date, CalendarDayState.Future, null));
                continue;
            }

            if (date < startedOn)
            {
                days.Add(new CalendarDay(date, date == today ? CalendarDayState.Today : CalendarDayState.BeforeStart, null));
                continue;
            }

            var restarted = restarts.Contains(date);
            if (restarted)
            {
                stretchStart = date;
            }

            var count = date.DayNumber - stretchStart.DayNumber;
            var state = date == today ? CalendarDayState.Today
                : restarted ? CalendarDayState.Restart
                : milestones.Contains(count) ? CalendarDayState.Milestone
                : CalendarDayState.ContactFree;
            days.Add(new CalendarDay(date, state, count));
        }

        return days;
    }
}
