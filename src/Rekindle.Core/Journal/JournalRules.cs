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
        public const string TagCharacters = "Tags can use letters, numbers, spaces and dashes.";

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

            if (!tag.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-'))
            {
                return ([], Messages.TagCharacters);
            }

            tags.Add(tag);
        }

        return tags.Count > MaxTags ? ([], Messages.TooManyTags) : (tags, null);
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
