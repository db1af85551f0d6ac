using System.Globalization;
using System.Text;

namespace Rekindle.Core.Journal;

/// <summary>The rules for journal entries and their tags, shared by the form, the API and the import.</summary>
public static class JournalRules
{
    public const int MaxBodyLength = 50_000;
    public const int MaxThoughtLength = 2_000;
    public const int MaxTags = 10;
    public const int MaxTagLength = 30;

    public static class Messages
    {
        public const string EmptyEntry = "Write something first. A single line is enough.";
        public const string EmptyThought = "Write the thought that keeps coming back, in the words your mind uses.";
        public const string EmptyKinder = "Now write a kinder, truer version: what would you say to a friend who thought this?";
        public const string PatternMissing = "Pick the pattern that fits best. A guess is fine.";
        public const string TooManyTags = "Up to 10 tags per entry.";
        public const string TagTooLong = "Each tag can be up to 30 characters.";
        public const string TagCharacters = "Tags can use letters, numbers, emoji, spaces and dashes.";

        public static string TooLong(int max, int actual) =>
            string.Create(CultureInfo.InvariantCulture, $"This can be up to {max:N0} characters; you wrote {actual:N0}. Nothing is lost: shorten it or split it into two entries.");
    }

    /// <summary>
    /// Splits "sleep, Friends ,  work" into normalized tags (lower case, single spaces, no duplicates, in the
    /// order given). Returns an error message instead when the tags break a rule.
    /// </summary>
    public static (IReadOnlyList<string> Tags, string? Error) ParseTags(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], null);
        }

        var tags = new List<string>();
        foreach (var part in text.Split(',', '#', ';'))
        {
            var tag = NormalizeTag(part);
            if (tag.Length == 0 || tags.Contains(tag, StringComparer.Ordinal))
            {
                continue;
            }

            if (tag.Length > MaxTagLength)
            {
                return ([], Messages.TagTooLong);
            }

            if (!IsTagText(tag))
            {
                return ([], Messages.TagCharacters);
            }

            tags.Add(tag);
        }

        return tags.Count > MaxTags ? ([], Messages.TooManyTags) : (tags, null);
    }

    /// <summary>
    /// Letters and numbers of any script (with their combining marks), emoji (symbols, with the joiner, variation
    /// selectors, skin tones and keycaps that build them), spaces and dashes. Punctuation and control characters are not tags.
    /// </summary>
    private static bool IsTagText(string tag)
    {
        foreach (var rune in tag.EnumerateRunes())
        {
            if (rune.Value is ' ' or '-' or 0x200D or 0xFE0F or 0xFE0E || Rune.IsLetterOrDigit(rune))
            {
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                case UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol:
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    public static string NormalizeTag(string tag)
    {
        var builder = new StringBuilder(tag.Length);
        foreach (var word in tag.Trim().ToLower(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length == 0 ? "" : " ").Append(word);
        }

        return builder.ToString();
    }

    /// <summary>Case- and accent-insensitive match of every word of <paramref name="query"/> somewhere in the texts.</summary>
    public static bool Matches(string? query, params string?[] texts)
    {
        var words = (query ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return true;
        }

        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        return words.All(w => texts.Any(t => t is not null && compare.IndexOf(t, w, options) >= 0));
    }
}
