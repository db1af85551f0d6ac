using System.Globalization;
using Rekindle.Core.Reminders;

namespace Rekindle.Core.Tests.Reminders;

/// <summary>A small reader for the iCalendar files under test: components, properties, and VTIMEZONE offsets.</summary>
internal sealed class IcsComponent(string name)
{
    public string Name { get; } = name;

    public List<(string Name, string Parameters, string Value)> Properties { get; } = [];

    public List<IcsComponent> Children { get; } = [];

    public string? this[string property] => Properties.FirstOrDefault(p => p.Name == property).Value;

    public string? ParametersOf(string property) => Properties.FirstOrDefault(p => p.Name == property).Parameters;

    public IEnumerable<IcsComponent> All(string name) => Children.Where(c => c.Name == name);

    public static IcsComponent Parse(string content)
    {
        var stack = new Stack<IcsComponent>();
        IcsComponent? root = null;
        foreach (var line in ICalendarText.Unfold(content))
        {
            var colon = line.IndexOf(':');
            var head = line[..colon];
            var value = line[(colon + 1)..];
            var semicolon = head.IndexOf(';');
            var name = semicolon < 0 ? head : head[..semicolon];
            var parameters = semicolon < 0 ? "" : head[(semicolon + 1)..];
            if (name == "BEGIN")
            {
                var component = new IcsComponent(value);
                if (stack.Count > 0)
                {
                    stack.Peek().Children.Add(component);
                }

                root ??= component;
                stack.Push(component);
            }
            else if (name == "END")
            {
                Assert.Equal(value, stack.Pop().Name);
            }
            else
            {
                stack.Peek().Properties.Add((name, parameters, value));
            }
        }

        Assert.Empty(stack);
        return root!;
    }
}

/// <summary>
/// Evaluates a VTIMEZONE the way a calendar app would: expands each observance's onsets (DTSTART and its yearly
/// RRULE) and answers the UTC offset at an instant.
/// </summary>
internal sealed class VTimeZoneEvaluator
{
    private static readonly string[] Days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
    private readonly List<(DateTime Utc, TimeSpan To)> onsets = [];
    private readonly TimeSpan before;

    public VTimeZoneEvaluator(IcsComponent vtimezone, int lastYear)
    {
        var observances = vtimezone.Children.Where(c => c.Name is "STANDARD" or "DAYLIGHT").ToList();
        Assert.NotEmpty(observances);
        foreach (var o in observances)
        {
            var start = DateTime.ParseExact(o["DTSTART"]!, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
            var from = ParseOffset(o["TZOFFSETFROM"]!);
            var to = ParseOffset(o["TZOFFSETTO"]!);
            var locals = o["RRULE"] is { } rule ? Expand(rule, start, lastYear).ToList() : [start];
            if (o["RRULE"] is not null)
            {
                // RFC 5545: DTSTART must be the first onset of the rule.
                Assert.Equal(start, locals[0]);
            }

            onsets.AddRange(locals.Select(l => (l - from, to)));
        }

        onsets.Sort((a, b) => a.Utc.CompareTo(b.Utc));
        var first = observances.Select(o => (Start: DateTime.ParseExact(o["DTSTART"]!, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture), From: ParseOffset(o["TZOFFSETFROM"]!))).MinBy(x => x.Start);
        before = first.From;
    }

    public TimeSpan OffsetAt(DateTime utc)
    {
        var offset = before;
        foreach (var (at, to) in onsets)
        {
            if (at > utc)
            {
                break;
            }

            offset = to;
        }

        return offset;
    }

    private static IEnumerable<DateTime> Expand(string rule, DateTime start, int lastYear)
    {
        var parts = rule.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal("YEARLY", parts["FREQ"]);
        Assert.Equal(3, parts.Count - (parts.ContainsKey("BYMONTHDAY") ? 1 : 0));
        var month = int.Parse(parts["BYMONTH"], CultureInfo.InvariantCulture);
        var byDay = parts["BYDAY"];
        var weekday = (DayOfWeek)Array.IndexOf(Days, byDay[^2..]);
        var monthDays = parts.TryGetValue("BYMONTHDAY", out var list) ? list.Split(',').Select(int.Parse).ToList() : null;
        var nth = byDay.Length > 2 ? int.Parse(byDay[..^2], CultureInfo.InvariantCulture) : 0;

        for (var year = start.Year; year <= lastYear; year++)
        {
            var days = Enumerable.Range(1, DateTime.DaysInMonth(year, month)).Select(d => new DateTime(year, month, d)).Where(d => d.DayOfWeek == weekday).ToList();
            DateTime day;
            if (monthDays is not null)
            {
                Assert.Equal(0, nth);
                day = Assert.Single(days, d => monthDays.Contains(d.Day));
            }
            else
            {
                day = nth > 0 ? days[nth - 1] : days[^-nth];
            }

            var local = day + start.TimeOfDay;
            if (local >= start)
            {
                yield return local;
            }
        }
    }

    private static TimeSpan ParseOffset(string text)
    {
        var sign = text[0] == '-' ? -1 : 1;
        var h = int.Parse(text[1..3], CultureInfo.InvariantCulture);
        var m = int.Parse(text[3..5], CultureInfo.InvariantCulture);
        var s = text.Length > 5 ? int.Parse(text[5..7], CultureInfo.InvariantCulture) : 0;
        return sign * new TimeSpan(h, m, s);
    }
}
