using System.Globalization;
using System.Text;
using Rekindle.Core.Time;

namespace Rekindle.Core.CheckIns;

/// <summary>The outcome of validating a check-in: kind, plain-language messages keyed by field, or the cleaned value.</summary>
public sealed class CheckInValidation
{
    internal CheckInValidation(IReadOnlyDictionary<string, string> errors, CheckIn? value)
    {
        Errors = errors;
        Value = value;
    }

    public bool IsValid => Errors.Count == 0;

    /// <summary>Field name (see <see cref="CheckInFields"/>) to one message for that field. Empty when valid.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>The check-in as it should be stored (word trimmed, urge strength cleared when there were no urges); null when invalid.</summary>
    public CheckIn? Value { get; }
}

/// <summary>
/// The rules for daily check-ins. One check-in per local calendar day; any day from three years back to today
/// (in the user's own time zone) can be written or rewritten, and rewriting a day replaces what was there.
/// </summary>
public static class CheckInRules
{
    public const int MinMood = 1;
    public const int MaxMood = 10;
    public const decimal MaxSleepHours = 24m;
    public const decimal SleepStep = 0.5m;
    public const int MaxUrgeCount = 99;
    public const int MinUrgeStrength = 1;
    public const int MaxUrgeStrength = 10;

    /// <summary>The word for the day: at most this many characters as a reader counts them (an emoji is one).</summary>
    public const int MaxWordLength = 40;

    /// <summary>A hard cap on the stored word in UTF-16 code units (room for emoji sequences); size the column to this.</summary>
    public const int MaxWordStorageLength = 160;

    /// <summary>How far back a check-in may be written or edited.</summary>
    public const int MaxYearsBack = 3;

    public static class Messages
    {
        public const string DateInFuture = "That day hasn't happened yet. Pick today or an earlier day.";
        public const string DateTooOld = "Check-ins can go back up to three years. Pick a more recent day.";
        public const string Mood = "Mood goes from 1 to 10.";
        public const string SleepRange = "Sleep goes from 0 to 24 hours.";
        public const string SleepStep = "Sleep is counted in half hours, like 7 or 7.5.";
        public const string UrgeCount = "The number of urges goes from 0 to 99.";
        public const string StrongestUrgeMissing = "You noted some urges. How strong was the strongest one, from 1 to 10?";
        public const string StrongestUrgeRange = "Urge strength goes from 1 to 10.";
        public const string WordTooLong = "Keep it to one word or a short phrase, up to 40 characters.";
        public const string WordCharacters = "That word has a character we can't save. Try typing it again.";
    }

    /// <summary>The earliest day that can be checked in or edited when the user's today is <paramref name="today"/>.</summary>
    public static DateOnly EarliestDate(DateOnly today) => today.AddYears(-MaxYearsBack);

    /// <summary>Whether the check-in for <paramref name="date"/> can be written or replaced now.</summary>
    public static bool IsEditable(DateOnly date, DateOnly today) => date <= today && date >= EarliestDate(today);

    /// <summary>Whether the check-in for <paramref name="date"/> can be written or replaced now, with today taken in the user's zone.</summary>
    public static bool IsEditable(DateOnly date, TimeProvider clock, TimeZoneInfo zone) =>
        IsEditable(date, LocalCalendar.Today(clock, zone));

    public static CheckInValidation Validate(CheckIn input, TimeProvider clock, TimeZoneInfo zone) =>
        Validate(input, LocalCalendar.Today(clock, zone));

    /// <summary>Checks every field and returns all problems at once, each in a kind, plain sentence.</summary>
    /// <param name="input">What the user entered.</param>
    /// <param name="today">The user's local calendar day (see <see cref="LocalCalendar.Today"/>).</param>
    public static CheckInValidation Validate(CheckIn input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        if (input.Date > today)
        {
            errors[CheckInFields.Date] = Messages.DateInFuture;
        }
        else if (input.Date < EarliestDate(today))
        {
            errors[CheckInFields.Date] = Messages.DateTooOld;
        }

        if (input.Mood is < MinMood or > MaxMood)
        {
            errors[CheckInFields.Mood] = Messages.Mood;
        }

        if (input.SleepHours is < 0m or > MaxSleepHours)
        {
            errors[CheckInFields.SleepHours] = Messages.SleepRange;
        }
        else if (decimal.Remainder(input.SleepHours, SleepStep) != 0m)
        {
            errors[CheckInFields.SleepHours] = Messages.SleepStep;
        }

        var urgesValid = input.UrgeCount is >= 0 and <= MaxUrgeCount;
        if (!urgesValid)
        {
            errors[CheckInFields.UrgeCount] = Messages.UrgeCount;
        }
        else if (input.UrgeCount > 0)
        {
            if (input.StrongestUrge is null)
            {
                errors[CheckInFields.StrongestUrge] = Messages.StrongestUrgeMissing;
            }
            else if (input.StrongestUrge is < MinUrgeStrength or > MaxUrgeStrength)
            {
                errors[CheckInFields.StrongestUrge] = Messages.StrongestUrgeRange;
            }
        }

        var word = NormalizeWord(input.Word);
        if (word is not null)
        {
            if (word.Any(char.IsControl) || Utf16.HasUnpairedSurrogate(word))
            {
                errors[CheckInFields.Word] = Messages.WordCharacters;
            }
            else if (new StringInfo(word).LengthInTextElements > MaxWordLength || word.Length > MaxWordStorageLength)
            {
                errors[CheckInFields.Word] = Messages.WordTooLong;
            }
        }

        if (errors.Count > 0)
        {
            return new CheckInValidation(errors, null);
        }

        // With no urges there is no strongest urge: a value left over from an earlier edit of the form is dropped.
        var strongest = input.UrgeCount > 0 ? input.StrongestUrge : null;
        var cleaned = input with { Word = word, StrongestUrge = strongest };
        return new CheckInValidation(errors, cleaned);
    }

    /// <summary>
    /// Trims the word for the day and folds any run of white space (including line breaks) into one space.
    /// Returns null for nothing or only white space.
    /// </summary>
    public static string? NormalizeWord(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return null;
        }

        var builder = new StringBuilder(word.Length);
        var pendingSpace = false;
        foreach (var c in word.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Applies the one-per-day rule to an in-memory list: the incoming check-in replaces any on the same date.
    /// Returns the list ordered by date.
    /// </summary>
    public static IReadOnlyList<CheckIn> Upsert(IEnumerable<CheckIn> existing, CheckIn incoming)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        return existing.Where(c => c.Date != incoming.Date).Append(incoming).OrderBy(c => c.Date).ToList();
    }

    /// <summary>One check-in per date, the last one given winning, ordered by date. Used by every series builder.</summary>
    internal static SortedDictionary<DateOnly, CheckIn> ByDate(IEnumerable<CheckIn> checkIns)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var byDate = new SortedDictionary<DateOnly, CheckIn>();
        foreach (var checkIn in checkIns)
        {
            byDate[checkIn.Date] = checkIn;
        }

        return byDate;
    }
}
