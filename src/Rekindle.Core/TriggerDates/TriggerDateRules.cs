namespace Rekindle.Core.TriggerDates;

/// <summary>A date the user marked as one that will hurt, as the rules read it (the label stays with the caller).</summary>
/// <param name="Date">The day as the user entered it. For a yearly date only its month and day count.</param>
/// <param name="Yearly">Comes back every year (an anniversary, a birthday), or happens once (the first holidays apart).</param>
public sealed record TriggerDateFacts(DateOnly Date, bool Yearly);

/// <summary>A marked date that is close: the day it falls on next, and how many of the user's days are left until it.</summary>
public sealed record UpcomingTriggerDate(DateOnly On, int DaysUntil)
{
    public bool IsToday => DaysUntil == 0;
}

/// <summary>
/// The rules for the dates that will hurt. Every day here is a day in the user's own time zone (the caller passes
/// their today, see LocalCalendar), so a date arrives at their midnight, not the server's.
/// <list type="bullet">
/// <item>A yearly date falls on its month and day every year; 29 February falls on 28 February in a year without one
/// (still in February, and the day before the month ends, as most people keep it).</item>
/// <item>A one-off date falls once, on that day, and is over the day after.</item>
/// <item>The dashboard warns from <see cref="WarnDaysAhead"/> days before until the day itself, inclusive.</item>
/// </list>
/// </summary>
public static class TriggerDateRules
{
    /// <summary>How many days ahead the dashboard starts to warn (and the calendar's reminder fires).</summary>
    public const int WarnDaysAhead = 3;

    public const int MaxLabelLength = 80;

    /// <summary>How many dates one person can mark: plenty for a year of hard days, and a bound on the dashboard's work.</summary>
    public const int MaxDates = 50;

    /// <summary>The earliest date accepted: an anniversary can reach back decades, not centuries.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>How far ahead a one-off date may be.</summary>
    public const int MaxYearsAhead = 10;

    /// <summary>Where a date falls in a given year: its own month and day, or 28 February for 29 February outside a leap year.</summary>
    public static DateOnly InYear(DateOnly date, int year) =>
        date is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 2, 28) : new DateOnly(year, date.Month, date.Day);

    /// <summary>The next day the date falls on, today included; null for a one-off date that is over.</summary>
    public static DateOnly? NextOccurrence(TriggerDateFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.Yearly)
        {
            return facts.Date >= today ? facts.Date : null;
        }

        var thisYear = InYear(facts.Date, today.Year);
        return thisYear >= today ? thisYear : InYear(facts.Date, today.Year + 1);
    }

    /// <summary>The date if it is within the warning window (from <paramref name="daysAhead"/> days before to the day), else null.</summary>
    public static UpcomingTriggerDate? Upcoming(TriggerDateFacts facts, DateOnly today, int daysAhead = WarnDaysAhead)
    {
        if (NextOccurrence(facts, today) is not { } next)
        {
            return null;
        }

        var days = next.DayNumber - today.DayNumber;
        return days <= daysAhead ? new UpcomingTriggerDate(next, days) : null;
    }

    /// <summary>Field name and page-string key for each rule broken; fields that already have an error are skipped.</summary>
    public static IReadOnlyList<(string Field, string Key)> Check(string? label, DateOnly? date, bool yearly, DateOnly today, IReadOnlySet<string>? alreadyInvalid = null)
    {
        var skip = alreadyInvalid ?? new HashSet<string>();
        var problems = new List<(string, string)>();
        if (!skip.Contains("Label"))
        {
            var clean = Clean(label);
            if (clean is null)
            {
                problems.Add(("Label", "trigger-dates.invalid.label-missing"));
            }
            else if (clean.Length > MaxLabelLength)
            {
                problems.Add(("Label", "trigger-dates.invalid.label-too-long"));
            }
        }

        if (!skip.Contains("Date"))
        {
            if (date is not { } d)
            {
                problems.Add(("Date", "trigger-dates.invalid.date-missing"));
            }
            else if (d < Earliest)
            {
                problems.Add(("Date", "trigger-dates.invalid.date-too-early"));
            }
            else if (!yearly && d < today)
            {
                problems.Add(("Date", "trigger-dates.invalid.date-past"));
            }
            else if (d > today.AddYears(MaxYearsAhead))
            {
                problems.Add(("Date", "trigger-dates.invalid.date-too-far"));
            }
        }

        return problems;
    }

    /// <summary>A label as stored: trimmed, with line breaks folded to spaces; null when nothing is left.</summary>
    public static string? Clean(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        return string.Join(' ', label.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();
    }
}
