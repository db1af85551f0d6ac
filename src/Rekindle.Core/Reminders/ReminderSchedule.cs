namespace Rekindle.Core.Reminders;

/// <summary>One reminder: the local day it is for and the instant to send it.</summary>
/// <param name="LocalDate">The user's local day this reminder belongs to. Store it as "last sent" after sending.</param>
/// <param name="SendAt">When to send, in UTC (offset zero).</param>
/// <param name="Shifted">True when the chosen time did not exist that day (clocks sprang forward) and the reminder moved to the first minute after the jump.</param>
public sealed record ReminderOccurrence(DateOnly LocalDate, DateTimeOffset SendAt, bool Shifted);

/// <summary>
/// When the daily check-in reminder goes out. Rules, all in the user's current zone:
/// <list type="bullet">
/// <item>one reminder per local day, at the chosen wall-clock time (whole minutes; seconds are ignored);</item>
/// <item>a time skipped by a spring-forward jump fires at the first minute after the jump (02:30 → 03:00 in New York);</item>
/// <item>a time repeated by a fall-back fires once, at its first occurrence;</item>
/// <item>a day that does not exist at all (Samoa skipped 30 December 2011) gets no reminder;</item>
/// <item>travel: the next reminder is computed in the new zone, and never for a local day on or before the last one
/// sent (the <see cref="ReminderOccurrence.LocalDate"/> stored after sending), so crossing zones never sends twice for one day.</item>
/// </list>
/// </summary>
public static class ReminderSchedule
{
    /// <summary>How long after its time a missed reminder is still worth sending (see <see cref="Due"/>).</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(2);

    /// <summary>The reminder for a local day, or null when that day doesn't exist in the zone.</summary>
    public static ReminderOccurrence? On(DateOnly localDate, TimeOnly localTime, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wall = localDate.ToDateTime(new TimeOnly(localTime.Hour, localTime.Minute));
        var (utc, shifted) = WallClock.Resolve(wall, zone);

        // A jump that carries the time into the next day means this day never existed on the clock.
        if (DateOnly.FromDateTime(WallClock.Local(utc, zone)) != localDate)
        {
            return null;
        }

        return new ReminderOccurrence(localDate, new DateTimeOffset(utc.Ticks, TimeSpan.Zero), shifted);
    }

    /// <summary>The next reminder strictly after <paramref name="now"/>, for a local day after <paramref name="lastSentLocalDate"/>.</summary>
    public static ReminderOccurrence Next(TimeZoneInfo zone, TimeOnly localTime, DateTimeOffset now, DateOnly? lastSentLocalDate)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = Time.LocalCalendar.DateIn(now, zone);
        var date = today.AddDays(-1);
        if (lastSentLocalDate is { } last && last >= date)
        {
            date = last.AddDays(1);
        }

        for (var i = 0; i < 400; i++, date = date.AddDays(1))
        {
            if (On(date, localTime, zone) is { } occurrence && occurrence.SendAt > now)
            {
                return occurrence;
            }
        }

        throw new InvalidOperationException("No reminder time could be found in the next year.");
    }

    /// <summary>
    /// For a job that runs every few minutes: the reminder to send now, if one's time has come within
    /// <paramref name="grace"/> and its local day is after the last one sent; otherwise null. A reminder missed by
    /// more than the grace (the server was down) is skipped rather than sent at an odd hour.
    /// </summary>
    public static ReminderOccurrence? Due(TimeZoneInfo zone, TimeOnly localTime, DateTimeOffset now, DateOnly? lastSentLocalDate, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = Time.LocalCalendar.DateIn(now, zone);
        ReminderOccurrence? due = null;
        for (var date = today.AddDays(-2); date <= today.AddDays(1); date = date.AddDays(1))
        {
            if (lastSentLocalDate is { } last && date <= last)
            {
                continue;
            }

            if (On(date, localTime, zone) is { } o && o.SendAt <= now && now - o.SendAt <= grace)
            {
                due = o;
            }
        }

        return due;
    }
}
