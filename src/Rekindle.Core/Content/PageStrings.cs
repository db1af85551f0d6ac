using System.Text;
using System.Text.RegularExpressions;

namespace Rekindle.Core.Content;

/// <summary>
/// The pages' own words (headings, labels, buttons, hints) by key, such as "decide.heading", read from
/// strings.yaml. Values may hold named holes like {days}, filled by name so a translation can reorder them.
/// </summary>
public sealed partial class PageStrings
{
    private readonly Dictionary<string, string> values;
    private readonly Dictionary<string, int> lines;

    public PageStrings(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, int>? lines = null)
    {
        this.values = new(values, StringComparer.Ordinal);
        this.lines = lines is null ? [] : new(lines, StringComparer.Ordinal);
    }

    public static PageStrings Empty { get; } = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Values => values;

    public bool TryGet(string key, out string value) => values.TryGetValue(key, out value!);

    /// <summary>The line of strings.yaml a key is defined on, for messages (1 when unknown).</summary>
    public int LineOf(string key) => lines.TryGetValue(key, out var line) ? line : 1;

    /// <summary>
    /// Checks another language's strings against these (the reference language): the same keys, and in each
    /// string the same holes, so no page can miss a word or a number in one language only.
    /// </summary>
    public IReadOnlyList<ContentError> Mismatches(PageStrings translation, string translationPath)
    {
        var errors = new List<ContentError>();
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!translation.TryGet(key, out var translated))
            {
                errors.Add(new(translationPath, 1, $"the key \"{key}\" is missing."));
            }
            else if (!Holes(value).Order(StringComparer.Ordinal).SequenceEqual(Holes(translated).Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                errors.Add(new(translationPath, translation.LineOf(key), $"\"{key}\" must have the holes {Describe(Holes(value))}, like the reference language; it has {Describe(Holes(translated))}."));
            }
        }

        foreach (var key in translation.values.Keys.Where(k => !values.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new(translationPath, translation.LineOf(key), $"the key \"{key}\" is not in the reference language; remove it or add it there."));
        }

        return errors;
    }

    private static string Describe(IReadOnlyList<string> holes) => holes.Count == 0 ? "none" : string.Join(", ", holes.Select(h => "{" + h + "}"));

    /// <summary>The names of the holes in a string, in order. Throws <see cref="FormatException"/> with a message for whoever edits the file.</summary>
    public static IReadOnlyList<string> Holes(string value)
    {
        var names = new List<string>();
        Walk(value, _ => { }, names.Add);
        return names;
    }

    /// <summary>Fills each {name} hole with its value, formatted for <paramref name="culture"/>; {{ and }} stand for braces.</summary>
    public static string Fill(string value, IReadOnlyDictionary<string, object?> arguments, IFormatProvider culture)
    {
        var text = new StringBuilder(value.Length + 16);
        Walk(value, literal => text.Append(literal), name =>
        {
            if (!arguments.TryGetValue(name, out var argument))
            {
                throw new FormatException($"The hole {{{name}}} has no value.");
            }

            text.Append(argument is IFormattable formattable ? formattable.ToString(null, culture) : argument?.ToString());
        });
        return text.ToString();
    }

    private static void Walk(string value, Action<string> literal, Action<string> hole)
    {
        var at = 0;
        while (at < value.Length)
        {
            var brace = value.IndexOfAny(['{', '}'], at);
            if (brace < 0)
            {
                literal(value[at..]);
                return;
            }

            literal(value[at..brace]);
            var next = brace + 1 < value.Length ? value[brace + 1] : '\0';
            if (next == value[brace])
            {
                literal(value[brace].ToString());
                at = brace + 2;
                continue;
            }

            if (value[brace] == '}')
            {
                throw new FormatException("a } has no matching {; write }} for a brace itself.");
            }

            var close = value.IndexOf('}', brace + 1);
            if (close < 0)
            {
                throw new FormatException("a { is never closed; write {{ for a brace itself.");
            }

            var name = value[(brace + 1)..close];
            if (!HoleName().IsMatch(name))
            {
                throw new FormatException($"the hole {{{name}}} is not well-formed: name it with letters and digits, starting with a small letter, like {{days}}.");
            }

            hole(name);
            at = close + 1;
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex HoleName();

    /// <summary>Keys are lower-case words (digits and dashes allowed) joined by dots.</summary>
    public static bool IsWellFormedKey(string key) => KeyPattern().IsMatch(key);

    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
