using System.Globalization;

namespace Rekindle.Core.Incidents;

/// <summary>What an incident entry is made of, before it is checked or stored.</summary>
public sealed record IncidentFields(DateOnly? Date, TimeOnly? Time, string? What, string? Where, string? Evidence);

/// <summary>An entry's place in the record: the day, the time when known, then when it was written down.</summary>
public readonly record struct IncidentOrderKey(DateOnly Date, TimeOnly? Time, DateTime CreatedAt) : IComparable<IncidentOrderKey>
{
    /// <summary>Chronological: earlier days first; within a day, entries with a time in time order, then those without one.</summary>
    public int CompareTo(IncidentOrderKey other)
    {
        var byDate = Date.CompareTo(other.Date);
        if (byDate != 0)
        {
            return byDate;
        }

        var byTime = (Time, other.Time) switch
        {
            ({ } a, { } b) => a.CompareTo(b),
            (null, { }) => 1,
            ({ }, null) => -1,
            _ => 0,
        };
        return byTime != 0 ? byTime : CreatedAt.CompareTo(other.CreatedAt);
    }

    public static bool operator <(IncidentOrderKey left, IncidentOrderKey right) => left.CompareTo(right) < 0;

    public static bool operator <=(IncidentOrderKey left, IncidentOrderKey right) => left.CompareTo(right) <= 0;

    public static bool operator >(IncidentOrderKey left, IncidentOrderKey right) => left.CompareTo(right) > 0;

    public static bool operator >=(IncidentOrderKey left, IncidentOrderKey right) => left.CompareTo(right) >= 0;
}

/// <summary>
/// The rules for the private incident log, shared by the form, the API and the import. A record someone may
/// show to the police or a lawyer should be dated, in order, and in the person's own words.
/// </summary>
public static class IncidentRules
{
    public const int MaxWhatLength = 20_000;
    public const int MaxWhereLength = 500;
    public const int MaxEvidenceLength = 5_000;

    /// <summary>The earliest date the log accepts: a record can reach back years, not centuries.</summary>
    public static readonly DateOnly Earliest = new(1950, 1, 1);

    public static class Messages
    {
        public const string DateMissing = "Enter the date it happened. If you're not sure of the day, pick your best guess and say so in the description.";
        public const string DateInFuture = "That date hasn't happened yet. Enter the day it happened.";
        public const string DateTooEarly = "Enter a date after 1950.";
        public const string WhatMissing = "Describe what happened, in your own words. A few plain sentences are enough.";

        public static string TooLong(int max, int actual) =>
            string.Create(CultureInfo.InvariantCulture, $"This can be up to {max:N0} characters; you wrote {actual:N0}. Nothing is lost: shorten it or split it into two entries.");
    }

    /// <summary>Field name and message for each rule the entry breaks; fields that already have an error are skipped.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(IncidentFields fields, DateOnly today, IReadOnlySet<string>? alreadyInvalid = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var skip = alreadyInvalid ?? new HashSet<string>();
        var problems = new List<(string, string)>();
        if (!skip.Contains("Date"))
        {
            if (fields.Date is not { } date)
            {
                problems.Add(("Date", Messages.DateMissing));
            }
            else if (date > today)
            {
                problems.Add(("Date", Messages.DateInFuture));
            }
            else if (date < Earliest)
            {
                problems.Add(("Date", Messages.DateTooEarly));
            }
        }

        if (!skip.Contains("What"))
        {
            if (string.IsNullOrWhiteSpace(fields.What))
            {
                problems.Add(("What", Messages.WhatMissing));
            }
            else if (fields.What.Length > MaxWhatLength)
            {
                problems.Add(("What", Messages.TooLong(MaxWhatLength, fields.What.Length)));
            }
        }

        if (!skip.Contains("Where") && fields.Where?.Length > MaxWhereLength)
        {
            problems.Add(("Where", Messages.TooLong(MaxWhereLength, fields.Where.Length)));
        }

        if (!skip.Contains("Evidence") && fields.Evidence?.Length > MaxEvidenceLength)
        {
            problems.Add(("Evidence", Messages.TooLong(MaxEvidenceLength, fields.Evidence.Length)));
        }

        return problems;
    }

    /// <summary>Text as stored: trimmed, and absent when there is none.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
