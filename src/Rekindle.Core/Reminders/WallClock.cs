namespace Rekindle.Core.Reminders;

/// <summary>
/// Turns a wall-clock time in a zone into an instant by checking candidate offsets directly, instead of
/// <see cref="TimeZoneInfo.IsInvalidTime"/>, which only knows daylight-saving gaps and misses changes of the base
/// offset (Samoa moving across the date line in 2011 skipped a whole day without any time being "invalid").
/// </summary>
internal static class WallClock
{
    private static readonly TimeSpan[] Probes =
        [TimeSpan.FromHours(-36), TimeSpan.FromHours(-18), TimeSpan.Zero, TimeSpan.FromHours(18), TimeSpan.FromHours(36)];

    /// <summary>
    /// The instant (UTC) at which the clock in <paramref name="zone"/> shows <paramref name="wall"/>: the earlier one
    /// if it shows it twice; if it never does (a gap), the instant the clock jumps past it, with
    /// <c>Shifted</c> set.
    /// </summary>
    public static (DateTime Utc, bool Shifted) Resolve(DateTime wall, TimeZoneInfo zone)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        var asUtc = DateTime.SpecifyKind(wall, DateTimeKind.Utc);
        var candidates = Probes.Select(p => zone.GetUtcOffset(asUtc + p)).Distinct().ToList();

        var valid = candidates
            .Select(o => asUtc - o)
            .Where(u => zone.GetUtcOffset(u) == asUtc - u)
            .ToList();
        if (valid.Count > 0)
        {
            return (valid.Min(), false);
        }

        // A gap: the clock jumps from before the wall time to after it. Find the jump: the first instant whose
        // local time is at or past the wall time, between the two readings of the wall time.
        var lo = asUtc - candidates.Max();
        var hi = asUtc - candidates.Min();
        while (hi - lo > TimeSpan.FromMinutes(1))
        {
            var mid = lo + TimeSpan.FromMinutes(Math.Floor((hi - lo).TotalMinutes / 2));
            if (mid + zone.GetUtcOffset(mid) >= asUtc)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return (hi, true);
    }

    /// <summary>The local wall-clock time of an instant.</summary>
    public static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(utc + zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), DateTimeKind.Unspecified);
}
