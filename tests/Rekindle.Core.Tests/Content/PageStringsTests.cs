using System.Text.RegularExpressions;
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

    /// <summary>Every key a view asks for (T["..."], T.Format("..."), T.Html("..."), or a quoted "section.key" handed to T).</summary>
    private static Dictionary<string, string> KeysUsedInViews()
    {
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var view in Directory.EnumerateFiles(Path.Combine(ShippedContent.Repository, "src", "Rekindle.Web", "Features"), "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(view);
            foreach (Match match in KeyUse().Matches(text))
            {
                used.TryAdd(match.Groups["key"].Value, Path.GetFileName(view));
            }
        }

        return used;
    }

    [GeneratedRegex("""T(?:\[|\.Format\(|\.Html\()\s*"(?<key>[a-z0-9.-]+)"|(?<![\w"])"(?<key>(?:decide|inventory|phase|today|stages|healing)\.[a-z0-9.-]+)"(?=\s*[,:}\]])""")]
    private static partial Regex KeyUse();

    [Fact]
    public void Every_key_the_views_use_is_in_strings_yaml_and_every_string_is_used()
    {
        var strings = LoadShipped();
        var used = KeysUsedInViews();
        Assert.True(used.Count > 100, $"Only {used.Count} keys found in the views; the scan is broken.");
        var missing = used.Where(u => !strings.Values.ContainsKey(u.Key)).Select(u => $"{u.Key} (in {u.Value})").ToList();
        Assert.True(missing.Count == 0, "Used by a view but not in strings.yaml: " + string.Join(", ", missing));
        var orphans = strings.Values.Keys.Where(k => !used.ContainsKey(k)).ToList();
        Assert.True(orphans.Count == 0, "In strings.yaml but used by no view: " + string.Join(", ", orphans));
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
}
