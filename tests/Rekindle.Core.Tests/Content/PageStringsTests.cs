using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rekindle.Core.Content;

namespace Rekindle.Core.Tests.Content;

/// <summary>The pages' own words come from content/en/strings.yaml by key; a broken strings file names its line.</summary>
public sealed partial class PageStringsTests
{
    private static Dictionary<string, string> Shipped() => ShippedContent.Files();

    private static PageStrings LoadShipped() => ContentLoader.Load(Shipped().Select(f => new ContentFile(f.Key, f.Value))).Strings;

    private static ContentError BrokenStrings(string yaml, string about)
    {
        var files = Shipped();
        files[ContentLoader.StringsFile] = yaml;
        var errors = Assert.Throws<ContentException>(() => ContentLoader.Load(files.Select(f => new ContentFile(f.Key, f.Value)))).Errors;
        return errors.FirstOrDefault(e => e.Path == ContentLoader.StringsFile && e.Message.Contains(about, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No error about {about}: {string.Join("; ", errors)}");
    }

    /// <summary>
    /// Every key the code asks for: T["..."], T.Format("..."), T.Html("...") in a view, or a quoted "section.key" of a
    /// section strings.yaml has, anywhere in the views, the web features or the rules (a phrase a rule chooses, a
    /// label for an engine value). A key that names a group ("next.keep-no-contact") uses the strings under it.
    /// </summary>
    private static Dictionary<string, string> KeysUsedInCode(PageStrings strings)
    {
        var sections = strings.Values.Keys.Select(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        var sources = new[]
        {
            (Folder: Path.Combine("src", "Rekindle.Web", "Features"), Pattern: "*.cshtml"),
            (Folder: Path.Combine("src", "Rekindle.Web", "Features"), Pattern: "*.cs"),
            (Folder: Path.Combine("src", "Rekindle.Core"), Pattern: "*.cs"),
        };
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, pattern) in sources)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ShippedContent.Repository, folder), pattern, SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                foreach (Match match in KeyUse().Matches(File.ReadAllText(file)))
                {
                    var key = match.Groups["key"].Value;
                    if (match.Groups["call"].Success || sections.Contains(key[..key.IndexOf('.', StringComparison.Ordinal)]))
                    {
                        used.TryAdd(key, Path.GetFileName(file));
                    }
                }
            }
        }

        return used;
    }

    [GeneratedRegex("""(?<call>T(?:\[|\.Format\(|\.Html\())\s*"(?<key>[a-z0-9.-]+)"|(?<![\w"])"(?<key>[a-z][a-z0-9-]*\.[a-z0-9.-]+)"(?=\s*[,:;})\]])""")]
    private static partial Regex KeyUse();

    private static bool IsUnder(string key, string group) => key.StartsWith(group + ".", StringComparison.Ordinal);

    [Fact]
    public void Every_key_the_code_uses_is_in_strings_yaml_and_every_string_is_used()
    {
        var strings = LoadShipped();
        var used = KeysUsedInCode(strings);
        Assert.True(used.Count > 250, $"Only {used.Count} keys found in the code; the scan is broken.");
        var missing = used.Where(u => !strings.Values.ContainsKey(u.Key) && !strings.Values.Keys.Any(k => IsUnder(k, u.Key)))
            .Select(u => $"{u.Key} (in {u.Value})").ToList();
        Assert.True(missing.Count == 0, "Used in the code but not in strings.yaml: " + string.Join(", ", missing));
        bool Used(string k) => used.ContainsKey(k) || used.Keys.Any(u => IsUnder(k, u));

        // A healing-track string is used wherever the string it words differently is.
        var orphans = strings.Values.Keys.Where(k => !Used(k.StartsWith(ProgramContent.HealingStringsPrefix, StringComparison.Ordinal) ? k[ProgramContent.HealingStringsPrefix.Length..] : k)).ToList();
        Assert.True(orphans.Count == 0, "In strings.yaml but used nowhere: " + string.Join(", ", orphans));
    }

    [Fact]
    public void A_missing_key_throws_instead_of_showing_the_key()
    {
        var strings = LoadShipped();
        var error = Assert.Throws<KeyNotFoundException>(() => strings["decide.no-such-string"]);
        Assert.Contains("decide.no-such-string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holes_are_filled_by_name_and_a_hole_without_a_value_throws()
    {
        var strings = new PageStrings(new Dictionary<string, string> { ["streak"] = "{days} days, next at {next}." });
        Assert.Equal("12 days, next at 14.", strings.Format("streak", ("next", 14), ("days", 12)));
        Assert.Throws<ArgumentException>(() => strings.Format("streak", ("days", 12)));
        Assert.Equal(["days", "next"], PageStrings.HolesIn(strings["streak"]));
    }

    [Property(MaxTest = 300)]
    public Property Any_mix_of_text_and_holes_is_filled_piece_by_piece()
    {
        // Text pieces may hold anything but braces (the loader refuses a stray brace); holes come from a few names,
        // repeated and adjacent ones included. The string written from the pieces must fill to the pieces' values.
        string[] names = ["days", "next", "n", "long-name-2"];
        var text = Gen.Elements("", "a", " ", "Day ", ", next at ", "é ✓", "\n", "100%", "1,2");
        var piece = Gen.OneOf(text.Select(t => (Hole: (string?)null, Text: t)), Gen.Elements(names).Select(n => (Hole: (string?)n, Text: "")));
        return Prop.ForAll(Gen.ListOf(piece).Select(p => p.ToArray()).ToArbitrary(), pieces =>
        {
            var template = string.Concat(pieces.Select(p => p.Hole is { } h ? "{" + h + "}" : p.Text));
            var expected = string.Concat(pieces.Select(p => p.Hole is { } h ? $"<{h}>" : p.Text));
            var strings = new PageStrings(new Dictionary<string, string> { ["s"] = template });
            return strings.Format("s", names.Select(n => (n, (object?)$"<{n}>")).ToArray()) == expected;
        });
    }

    [Fact]
    public void Bad_yaml_in_strings_names_the_line()
    {
        var error = BrokenStrings("common:\n  saved: Saved.\n  broken: [unclosed\n", "not valid YAML");
        Assert.True(error.Line >= 3, error.ToString());
    }

    [Fact]
    public void An_empty_string_names_its_key_and_line()
    {
        var error = BrokenStrings("common:\n  saved: Saved.\n  back-to-program:\n", "\"common.back-to-program\" must be text");
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_duplicate_key_is_reported_with_its_line()
    {
        var error = BrokenStrings("common:\n  saved: Saved.\n  saved: Saved again.\n", "not valid YAML");
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_malformed_hole_names_its_key()
    {
        var error = BrokenStrings("today:\n  title: \"Day {Day\"\n", "\"today.title\" has a { or }");
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_key_with_capitals_or_spaces_is_refused()
    {
        var error = BrokenStrings("common:\n  Saved Text: Saved.\n", "\"Saved Text\" is not a usable key");
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_missing_strings_file_fails_the_load()
    {
        var files = Shipped();
        files.Remove(ContentLoader.StringsFile);
        var errors = Assert.Throws<ContentException>(() => ContentLoader.Load(files.Select(f => new ContentFile(f.Key, f.Value)))).Errors;
        Assert.Contains(errors, e => e.Path == ContentLoader.StringsFile && e.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Should you?", "The program suggests: Should you?")]
    [InlineData("Healing", "The program suggests: Healing.")]
    public void A_filled_hole_that_ends_a_sentence_is_not_followed_by_a_second_stop(string phase, string expected) =>
        Assert.Equal(expected, LoadShipped().Format("program.suggests", ("phase", phase)));
}
