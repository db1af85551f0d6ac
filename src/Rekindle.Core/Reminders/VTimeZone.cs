namespace Rekindle.Core.Reminders;

/// <summary>
/// Writes a VTIMEZONE for a <see cref="TimeZoneInfo"/>. Rather than translating .NET's adjustment rules field by
/// field (their shape differs between Windows and the tz database, and rules can span years or have odd
/// transition times), it reads the zone's actual offset changes for ten years around the reference year (these come
/// from the adjustment rules) and describes them:
/// <list type="bullet">
/// <item>no change: one STANDARD observance with the current offset;</item>
/// <item>a regular yearly pattern that runs to the end of the window (the usual "second Sunday of March at 02:00"):
/// a DAYLIGHT and a STANDARD observance with yearly RRULEs (nth or last weekday of a month, or a weekday within a
/// seven-day span of a month), preceded by one-off observances for any earlier,
/// different changes;</item>
/// <item>anything irregular: one observance per change in the window; after the window the last offset holds.</item>
/// </list>
/// </summary>
internal static class VTimeZone
{
    internal sealed record Transition(DateTime Utc, TimeSpan From, TimeSpan To, bool IsDaylight)
    {
        public DateTime LocalBefore => Utc + From;
    }

    private const int YearsBefore = 1;
    private const int YearsAfter = 9;
    private const int MinimumPatternTransitions = 4;
    private static readonly string[] Days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static IReadOnlyList<string> Lines(TimeZoneInfo zone, string tzid, int referenceYear)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var windowStart = new DateTime(referenceYear - YearsBefore, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var windowEnd = new DateTime(referenceYear + YearsAfter, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var transitions = Transitions(zone, windowStart, windowEnd);

        var lines = new List<string> { "BEGIN:VTIMEZONE", "TZID:" + tzid };
        if (transitions.Count == 0)
        {
            var offset = zone.GetUtcOffset(windowStart);
            lines.AddRange(Observance("STANDARD", new DateTime(1970, 1, 1), offset, offset, null));
            lines.Add("END:VTIMEZONE");
            return lines;
        }

        var patternStart = PatternStart(transitions, windowEnd.Year - 1);
        var explicitCount = patternStart ?? transitions.Count;
        for (var i = 0; i < explicitCount; i++)
        {
            var t = transitions[i];
            lines.AddRange(Observance(t.IsDaylight ? "DAYLIGHT" : "STANDARD", t.LocalBefore, t.From, t.To, null));
        }

        if (patternStart is { } k)
        {
            foreach (var i in new[] { k, k + 1 })
            {
                var t = transitions[i];
                lines.AddRange(Observance(t.IsDaylight ? "DAYLIGHT" : "STANDARD", t.LocalBefore, t.From, t.To, YearlyRule(transitions, i)));
            }
        }

        lines.Add("END:VTIMEZONE");
        return lines;
    }

    /// <summary>Every change of UTC offset in [from, to), found by sampling every three hours and narrowing to the minute.</summary>
    internal static List<Transition> Transitions(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var result = new List<Transition>();
        var step = TimeSpan.FromHours(3);
        var previous = fromUtc;
        var previousOffset = zone.GetUtcOffset(previous);
        for (var at = fromUtc + step; at <= toUtc; at += step)
        {
            var offset = zone.GetUtcOffset(at);
            if (offset == previousOffset)
            {
                previous = at;
                continue;
            }

            // The change lies in (previous, at]: narrow it to the first minute with the new offset.
            var lo = previous;
            var hi = at;
            while (hi - lo > TimeSpan.FromMinutes(1))
            {
                var mid = lo + TimeSpan.FromMinutes(Math.Floor((hi - lo).TotalMinutes / 2));
                if (zone.GetUtcOffset(mid) == previousOffset)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            var changeAt = hi;
            var newOffset = zone.GetUtcOffset(changeAt);
            result.Add(new Transition(changeAt, previousOffset, newOffset, zone.IsDaylightSavingTime(changeAt)));

            // Two changes within one step are not expected; resume from the change found to be safe.
            previous = changeAt;
            previousOffset = newOffset;
            at = changeAt;
        }

        return result;
    }

    /// <summary>
    /// The first index from which the changes alternate between two yearly patterns up to the last year of the window,
    /// or null when they don't.
    /// </summary>
    internal static int? PatternStart(IReadOnlyList<Transition> transitions, int lastYear)
    {
        if (transitions.Count < MinimumPatternTransitions || transitions[^1].LocalBefore.Year < lastYear)
        {
            return null;
        }

        for (var k = 0; k + MinimumPatternTransitions <= transitions.Count; k++)
        {
            var a = Enumerable.Range(k, transitions.Count - k).Where(i => (i - k) % 2 == 0).Select(i => transitions[i]).ToList();
            var b = Enumerable.Range(k, transitions.Count - k).Where(i => (i - k) % 2 == 1).Select(i => transitions[i]).ToList();
            if (YearlyPattern(a) is not null && YearlyPattern(b) is not null)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>
    /// The BYMONTH/BYDAY part of a yearly rule when every change in the group fits one, one change per consecutive
    /// year: "BYMONTH=3;BYDAY=2SU" (second Sunday), "BYMONTH=10;BYDAY=-1SU" (last Sunday), or, for rules such as
    /// "the Friday before the last Sunday", the weekday within a seven-day span of the month
    /// ("BYMONTH=3;BYMONTHDAY=23,24,25,26,27,28,29;BYDAY=FR") when the sampled days span exactly seven days.
    /// </summary>
    internal static string? YearlyPattern(IReadOnlyList<Transition> group)
    {
        if (group.Count < 2)
        {
            return null;
        }

        var first = group[0];
        var local = first.LocalBefore;
        for (var i = 0; i < group.Count; i++)
        {
            var t = group[i];
            var l = t.LocalBefore;
            if (t.From != first.From || t.To != first.To || t.IsDaylight != first.IsDaylight
                || l.Month != local.Month || l.DayOfWeek != local.DayOfWeek || l.TimeOfDay != local.TimeOfDay
                || l.Year != local.Year + i)
            {
                return null;
            }
        }

        var day = Days[(int)local.DayOfWeek];
        var month = "BYMONTH=" + local.Month;
        var nth = (local.Day - 1) / 7 + 1;
        if (nth <= 4 && group.All(t => (t.LocalBefore.Day - 1) / 7 + 1 == nth))
        {
            return $"{month};BYDAY={nth}{day}";
        }

        if (group.All(t => t.LocalBefore.Day + 7 > DateTime.DaysInMonth(t.LocalBefore.Year, t.LocalBefore.Month)))
        {
            return $"{month};BYDAY=-1{day}";
        }

        var lowest = group.Min(t => t.LocalBefore.Day);
        var highest = group.Max(t => t.LocalBefore.Day);
        if (highest - lowest == 6)
        {
            return $"{month};BYMONTHDAY={string.Join(',', Enumerable.Range(lowest, 7))};BYDAY={day}";
        }

        return null;
    }

    private static string YearlyRule(IReadOnlyList<Transition> transitions, int start) =>
        "FREQ=YEARLY;" + YearlyPattern(transitions.Skip(start).Where((_, i) => i % 2 == 0).ToList());

    private static IEnumerable<string> Observance(string kind, DateTime localStart, TimeSpan from, TimeSpan to, string? rrule)
    {
        yield return "BEGIN:" + kind;
        yield return "DTSTART:" + ICalendarText.LocalDateTime(localStart);
        yield return "TZOFFSETFROM:" + ICalendarText.Offset(from);
        yield return "TZOFFSETTO:" + ICalendarText.Offset(to);
        if (rrule is not null)
        {
            yield return "RRULE:" + rrule;
        }

        yield return "END:" + kind;
    }
}
