using Rekindle.Core.Time;

namespace Rekindle.Core.CheckIns;

/// <summary>What the follow-up rule needs besides the check-ins: the last crisis finding and the last dismissal (UTC).</summary>
/// <param name="LastCrisisFoundAt">When words of crisis were last noticed in something the user wrote, or null.</param>
/// <param name="DismissedAt">When the user last put the card away, or null.</param>
public sealed record FollowUpSignals(DateTime? LastCrisisFoundAt, DateTime? DismissedAt)
{
    public static FollowUpSignals None { get; } = new(null, null);
}

/// <summary>
/// When the dashboard offers a calm follow-up card (the safety plan and a helpline): three check-ins at the
/// bottom of the mood scale within the last seven local days, or a crisis finding in the last seven days.
/// Putting the card away hides it for a week; a new crisis finding after that brings it back, as that is new.
/// </summary>
public static class LowMoodFollowUp
{
    /// <summary>Moods 1 and 2 of the 1-10 scale ("very low") count as the bottom of the scale.</summary>
    public const int LowestMood = 2;

    /// <summary>How many low check-ins in the window bring the card.</summary>
    public const int LowDaysNeeded = 3;

    /// <summary>The window in local days, today included.</summary>
    public const int WindowDays = 7;

    /// <summary>How recent a crisis finding must be, and how long a dismissal lasts.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    public static bool IsLow(int mood) => mood is >= CheckInRules.MinMood and <= LowestMood;

    /// <summary>The first local day of the window that ends on <paramref name="today"/>.</summary>
    public static DateOnly WindowStart(DateOnly today) => today.AddDays(-(WindowDays - 1));

    /// <summary>The days in the window ending today whose check-in is at the bottom of the scale (one per day).</summary>
    public static int LowDays(IEnumerable<CheckIn> checkIns, DateOnly today)
    {
        var from = WindowStart(today);
        return CheckInRules.ByDate(checkIns).Values.Count(c => c.Date >= from && c.Date <= today && IsLow(c.Mood));
    }

    /// <summary>Whether the card is due, before any dismissal is considered.</summary>
    public static bool Applies(IEnumerable<CheckIn> checkIns, DateOnly today, DateTimeOffset now, DateTime? lastCrisisFoundAt) =>
        RecentCrisis(lastCrisisFoundAt, now) || LowDays(checkIns, today) >= LowDaysNeeded;

    /// <summary>Whether the dashboard shows the card now.</summary>
    /// <param name="checkIns">The recent check-ins (at least the last <see cref="WindowDays"/> local days).</param>
    /// <param name="today">The user's local day.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="signals">The last crisis finding and dismissal.</param>
    public static bool ShouldShow(IEnumerable<CheckIn> checkIns, DateOnly today, DateTimeOffset now, FollowUpSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (!Applies(checkIns, today, now, signals.LastCrisisFoundAt))
        {
            return false;
        }

        if (signals.DismissedAt is not { } dismissed)
        {
            return true;
        }

        var stillHidden = now.UtcDateTime < Utc(dismissed) + Recent;
        var newCrisisSince = signals.LastCrisisFoundAt is { } found && Utc(found) > Utc(dismissed) && RecentCrisis(found, now);
        return !stillHidden || newCrisisSince;
    }

    /// <summary>The same, with today taken from the clock in the user's zone.</summary>
    public static bool ShouldShow(IEnumerable<CheckIn> checkIns, TimeProvider clock, TimeZoneInfo zone, FollowUpSignals signals)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ShouldShow(checkIns, LocalCalendar.Today(clock, zone), clock.GetUtcNow(), signals);
    }

    private static bool RecentCrisis(DateTime? foundAt, DateTimeOffset now) =>
        foundAt is { } found && Utc(found) > now.UtcDateTime - Recent;

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
