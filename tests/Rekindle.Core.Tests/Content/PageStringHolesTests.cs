using System.Text.RegularExpressions;
using Rekindle.Core.Content;

namespace Rekindle.Core.Tests.Content;

/// <summary>
/// Each view passes exactly the holes its string has (a wrong name would only fail when that branch renders, and
/// T["key"] on a string with holes would show "{days}"); a translation must keep every key and hole; a key given
/// twice says so.
/// </summary>
public sealed partial class PageStringHolesTests
{
    private static PageStrings LoadShipped() => ContentLoader.Load(ShippedContent.Files().Select(f => new ContentFile(f.Key, f.Value))).Strings;

    private sealed record Call(string View, string Key, IReadOnlyList<string> Holes);

    /// <summary>Every T["key"] (no holes) and T.Format/T.Html("key", ("hole", value), ...) in the views.</summary>
    private static List<Call> Calls()
    {
        var calls = new List<Call>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(ShippedContent.Repository, "src", "Rekindle.Web", "Features"), "*.cshtml", SearchOption.AllDirectories))
        {
            var view = Path.GetFileName(path);
            var text = File.ReadAllText(path);
            calls.AddRange(Indexer().Matches(text).Select(m => new Call(view, m.Groups["key"].Value, [])));
            foreach (Match call in Formatted().Matches(text))
            {
                var arguments = TopLevelArguments(text, call.Index + call.Length - 1);
                var key = arguments[0].Trim().Trim('"');
                var holes = arguments.Skip(1).Select(a => HoleArgument().Match(a)).Where(m => m.Success).Select(m => m.Groups["name"].Value).ToList();
                Assert.True(holes.Count == arguments.Count - 1, $"{view}: every value for \"{key}\" should be a (\"hole\", value) pair.");
                calls.Add(new Call(view, key, holes));
            }
        }

        return calls;
    }

    /// <summary>The arguments of the call whose "(" is at <paramref name="open"/>, split at top-level commas (string literals skipped).</summary>
    private static List<string> TopLevelArguments(string text, int open)
    {
        var arguments = new List<string>();
        var depth = 0;
        var start = open + 1;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    i = text.IndexOf('"', i + 1);
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    if (depth == 0)
                    {
                        arguments.Add(text[start..i]);
                        return arguments;
                    }

                    break;
                case ',' when depth == 1:
                    arguments.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        throw new InvalidOperationException("A T.Format or T.Html call is never closed.");
    }

    [GeneratedRegex("""\bT\["(?<key>[a-z0-9.-]+)"\]""")]
    private static partial Regex Indexer();

    [GeneratedRegex("""\bT\.(?:Format|Html)\(""")]
    private static partial Regex Formatted();

    [GeneratedRegex("""^\s*\(\s*"(?<name>[a-z][a-z0-9-]*)"\s*,""")]
    private static partial Regex HoleArgument();

    [Fact]
    public void Each_view_passes_exactly_the_holes_its_string_has()
    {
        var strings = LoadShipped();
        var calls = Calls();
        Assert.Contains(calls, c => c.Holes.Count == 2);
        var wrong = calls
            .Where(c => strings.Values.ContainsKey(c.Key))
            .Where(c => !PageStrings.HolesIn(strings[c.Key]).Order(StringComparer.Ordinal).SequenceEqual(c.Holes.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            .Select(c => $"{c.View}: \"{c.Key}\" is given [{string.Join(", ", c.Holes)}] for \"{strings[c.Key]}\"")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void The_call_scan_sees_holes_and_nested_calls_correctly()
    {
        const string View = """@T.Html("decide.you-decided", ("decision", PageStringsHtml.Tag("strong", T[x switch { "a" => "b" }])))""";
        var arguments = TopLevelArguments(View, View.IndexOf('(', StringComparison.Ordinal));
        Assert.Equal(2, arguments.Count);
        Assert.Equal("decision", HoleArgument().Match(arguments[1]).Groups["name"].Value);
    }

    [Fact]
    public void A_translation_must_keep_every_key_and_hole()
    {
        var english = new PageStrings(new Dictionary<string, string> { ["today.title"] = "Day {day}", ["today.back"] = "Back to today", ["today.done"] = "Done" });
        var translated = new PageStrings(new Dictionary<string, string> { ["today.title"] = "Tag {tag}", ["today.done"] = "Erledigt", ["today.more"] = "Mehr" });
        var problems = english.Mismatches(translated);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("\"today.back\" is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"today.title\"", StringComparison.Ordinal) && p.Contains("{day}", StringComparison.Ordinal) && p.Contains("{tag}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"today.more\"", StringComparison.Ordinal));
        Assert.Empty(english.Mismatches(new PageStrings(new Dictionary<string, string> { ["today.title"] = "{day}. Tag", ["today.back"] = "Zurück", ["today.done"] = "Erledigt" })));
    }

    [Fact]
    public void A_key_given_twice_in_strings_yaml_says_so_with_its_line()
    {
        var files = ShippedContent.Files();
        files[ContentLoader.StringsFile] = "common:\n  saved: Saved.\n  journal: Journal\n  saved: Saved again.\n";
        var errors = Assert.Throws<ContentException>(() => ContentLoader.Load(files.Select(f => new ContentFile(f.Key, f.Value)))).Errors;
        var error = Assert.Single(errors, e => e.Path == ContentLoader.StringsFile);
        Assert.Equal(4, error.Line);
        Assert.Contains("\"saved\" appears twice", error.Message, StringComparison.Ordinal);
    }
}
