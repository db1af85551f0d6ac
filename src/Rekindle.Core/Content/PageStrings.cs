using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rekindle.Core.Content;

/// <summary>
/// The words of the pages themselves (headings, labels, buttons, notes), by key, from <c>content/&lt;language&gt;/strings.yaml</c>.
/// Views ask for <c>T["decide.heading"]</c>; a second language is another strings.yaml with the same keys and holes.
/// A key that is not there throws, so a missing string fails a test instead of showing a key to someone.
/// </summary>
public sealed partial class PageStrings(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public string this[string key] =>
        Values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"There is no page string \"{key}\" in strings.yaml.");

    /// <summary>
    /// These strings with every string under <paramref name="prefix"/> put in place of the string it names
    /// ("healing-track.no-contact.start-lede" for "no-contact.start-lede"). The loader checks that each names a
    /// string that exists, with the same holes.
    /// </summary>
    public PageStrings Overlay(string prefix)
    {
        var merged = new Dictionary<string, string>(Values, StringComparer.Ordinal);
        foreach (var (key, text) in Values.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            merged[key[prefix.Length..]] = text;
        }

        return new PageStrings(merged);
    }

    /// <summary>The string with its named holes filled: <c>T.Format("today.title", ("day", 3))</c> for "Day {day}".</summary>
    public string Format(string key, params (string Name, object? Value)[] holes)
    {
        var text = this[key];
        // A plain scan rather than a regex: every page render fills several strings, and the loader has already
        // checked that each brace in the file opens or closes a well-formed {hole}.
        var open = text.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        var filled = new StringBuilder(text.Length + 16);
        var done = 0;
        while (open >= 0)
        {
            var close = text.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var value = HoleValue(key, text.AsSpan(open + 1, close - open - 1), holes);
            filled.Append(text, done, open - done).Append(value);
            done = close + 1;
            // "The program suggests: {phase}." with a phase called "Should you?" reads "Should you?", not "Should you?.".
            if (done < text.Length && text[done] == '.' && value.Length > 0 && value[^1] is '?' or '!' or '.' or '…')
            {
                done++;
            }

            open = text.IndexOf('{', done);
        }

        return filled.Append(text, done, text.Length - done).ToString();
    }

    private static string HoleValue(string key, ReadOnlySpan<char> name, (string Name, object? Value)[] holes)
    {
        foreach (var (hole, value) in holes)
        {
            if (name.SequenceEqual(hole))
            {
                return Convert.ToString(value, CultureInfo.CurrentCulture) ?? "";
            }
        }

        throw new ArgumentException($"The page string \"{key}\" has the hole {{{name}}}, and no value was given for it.", nameof(holes));
    }

    /// <summary>The text of a phrase a rule chose, its holes filled.</summary>
    public string this[Phrase phrase] => Format(phrase?.Key ?? throw new ArgumentNullException(nameof(phrase)), phrase.Holes);

    /// <summary>The holes a string has, in order (for checking that two languages agree).</summary>
    public static IReadOnlyList<string> HolesIn(string text) => Hole().Matches(text).Select(m => m.Groups[1].Value).ToList();

    /// <summary>
    /// What a translation (another language's strings.yaml) gets wrong against these strings: a key missing or
    /// extra, or a string whose holes differ, so no page loses a word or a number in one language only.
    /// </summary>
    public IReadOnlyList<string> Mismatches(PageStrings translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        var problems = new List<string>();
        foreach (var (key, text) in Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!translation.Values.TryGetValue(key, out var translated))
            {
                problems.Add($"the key \"{key}\" is missing.");
                continue;
            }

            var holes = HolesIn(text).Order(StringComparer.Ordinal).ToList();
            var translatedHoles = HolesIn(translated).Order(StringComparer.Ordinal).ToList();
            if (!holes.SequenceEqual(translatedHoles, StringComparer.Ordinal))
            {
                problems.Add($"\"{key}\" must have the holes {Braced(holes)}; it has {Braced(translatedHoles)}.");
            }
        }

        problems.AddRange(translation.Values.Keys.Where(k => !Values.ContainsKey(k)).Order(StringComparer.Ordinal)
            .Select(k => $"the key \"{k}\" is not in the first language's strings.yaml; add it there or remove it."));
        return problems;
    }

    private static string Braced(List<string> holes) => holes.Count == 0 ? "none" : string.Join(", ", holes.Select(h => "{" + h + "}"));

    /// <summary>Why a string's braces are malformed, or null when every brace is part of a well-formed {hole}.</summary>
    public static string? BraceProblem(string text)
    {
        var withoutHoles = Hole().Replace(text, "");
        if (withoutHoles.Contains('{', StringComparison.Ordinal) || withoutHoles.Contains('}', StringComparison.Ordinal))
        {
            return "has a { or } that is not part of a hole; holes look like {days}: lower-case letters, digits and dashes";
        }

        return null;
    }

    [GeneratedRegex(@"\{([a-z][a-z0-9-]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Hole();
}
