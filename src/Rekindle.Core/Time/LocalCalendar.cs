namespace Rekindle.Core.Time;

/// <summary>
/// Turns instants into the user's local calendar days. Everything the program counts is counted in
/// local calendar days, so a 23- or 25-hour day around a daylight-saving change is still one day.
/// </summary>
public static class LocalCalendar
{
    public static DateOnly DateIn(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateIn(clock.GetUtcNow(), zone);
    }

    /// <summary>Whole calendar days from <paramref name="from"/> to <paramref name="to"/> (negative if earlier).</summary>
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>
    /// Finds an IANA (or Windows) time zone id; returns false for anything unknown, so a hostile or stale
    /// value never throws deeper in the app.
    /// </summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static TimeZoneInfo FindZoneOrUtc(string? id) => TryFindZone(id, out var zone) ? zone : TimeZoneInfo.Utc;
}

public static class LocalTime
{
    /// <summary>
    /// Converts a wall-clock time the user typed into UTC. A time that does not exist (skipped by a
    /// daylight-saving jump) moves forward by the gap; an ambiguous one (repeated) takes the earlier instant.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            var rule = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= unspecified && r.DateEnd >= unspecified);
            var gap = rule?.DaylightDelta ?? TimeSpan.FromHours(1);
            unspecified = unspecified.Add(gap.Duration());
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(unspecified);
            var latestOffset = offsets.Max();
            return DateTime.SpecifyKind(unspecified - latestOffset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    public static DateTime FromUtc(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
