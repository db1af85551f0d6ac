using System.Globalization;
using Rekindle.Core.Content;

namespace Rekindle.Core.Tests.Content;

/// <summary>strings.yaml loads with the rest of the content; each kind of broken strings file is reported with its line.</summary>
public sealed class PageStringsTests
{
    private static readonly string Root = Path.Combine(FindRepository(), "content", "en");
    private static readonly string ShippedStrings = File.ReadAllText(Path.Combine(Root, ContentLoader.StringsFile));

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rekindle.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static IEnumerable<ContentFile> Shipped(string? strings) =>
        Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal))
            .Select(p => new ContentFile(Path.GetRelativePath(Root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .Where(f => f.Path != ContentLoader.StringsFile)
            .Concat(strings is null ? [] : [new ContentFile(ContentLoader.StringsFile, strings)]);

    /// <summary>Loads all the shipped content with this strings file and returns the errors about strings.yaml.</summary>
    private static List<ContentError> Errors(string? strings) =>
        Assert.Throws<ContentException>(() => ContentLoader.Load(Shipped(strings))).Errors.Where(e => e.Path == ContentLoader.StringsFile).ToList();

    private static ContentError Single(string? strings) => Assert.Single(Errors(strings));

    [Fact]
    public void The_shipped_strings_load_with_the_content_and_keep_nested_groups_as_dotted_keys()
    {
        var strings = ContentLoader.Load(Shipped(ShippedStrings)).Strings;
        Assert.True(strings.Values.Count > 100, $"only {strings.Values.Count} strings");
        Assert.True(strings.TryGet("decide.heading", out var heading));
        Assert.Equal("Should you?", heading);
        Assert.True(strings.TryGet("stages.log.submit", out var submit));
        Assert.Equal("Log it", submit);
        Assert.All(strings.Values, s => Assert.False(string.IsNullOrWhiteSpace(s.Value)));
        var line = Array.FindIndex(ShippedStrings.Split('\n'), l => l.Contains("Log it", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, strings.LineOf("stages.log.submit"));
    }

    [Fact]
    public void A_missing_strings_file_is_reported()
    {
        Assert.Contains("this file is missing", Single(null).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_names_the_line_where_it_broke()
    {
        var error = Single("decide:\n  heading: Should you?\n  lede: The explanation: point by point\n  submit: See\n");
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);

        var unclosed = Errors("decide:\n  heading: Should you?\n  submit: See\n  lede: \"never closed\n");
        Assert.Contains(unclosed, e => e.Message.Contains("not valid YAML", StringComparison.Ordinal) && e.Line >= 3);
    }

    [Theory]
    [InlineData("decide:\n  heading: Should you?\n  lede:\n  submit: See\n")]
    [InlineData("decide:\n  heading: Should you?\n  lede: \"  \"\n  submit: See\n")]
    [InlineData("decide:\n  heading: Should you?\n  lede: ~\n  submit: See\n")]
    public void An_empty_string_is_named_with_its_line(string strings)
    {
        var error = Single(strings);
        Assert.Equal(3, error.Line);
        Assert.Contains("\"decide.lede\" is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_reported_at_the_second_with_the_first_line()
    {
        var error = Single("decide:\n  heading: Should you?\n  submit: See\ncommon:\n  saved: Saved.\ndecide:\n  heading: Again?\n");
        Assert.Equal(7, error.Line);
        Assert.Contains("\"decide.heading\" appears twice; it is first on line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dotted_key_and_a_group_that_spell_the_same_key_are_a_duplicate_too()
    {
        var error = Single("decide.heading: Should you?\ndecide:\n  heading: Again?\n");
        Assert.Equal(3, error.Line);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Day {day", "never closed")]
    [InlineData("Day day}", "no matching {")]
    [InlineData("Day {}", "{} is not well-formed")]
    [InlineData("Day {0}", "{0} is not well-formed")]
    [InlineData("Day {the day}", "{the day} is not well-formed")]
    [InlineData("Day {Day}", "{Day} is not well-formed")]
    public void A_malformed_hole_is_reported_with_its_key_and_line(string value, string about)
    {
        var error = Single($"common:\n  saved: Saved.\ntoday:\n  title: \"{value}\"\n");
        Assert.Equal(4, error.Line);
        Assert.Contains("\"today.title\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(about, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_and_badly_named_keys_are_reported()
    {
        var errors = Errors("decide:\n  heading:\n    - one\n    - two\n  Big Key: text\n");
        Assert.Contains(errors, e => e.Line == 2 && e.Message.Contains("not a list", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("\"decide.Big Key\" must be lower-case", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_in_the_file_is_reported_at_once()
    {
        var errors = Errors("a:\n  one:\n  two: \"{x\"\n  one: again\n");
        Assert.Equal(new[] { 2, 3, 4 }, errors.Select(e => e.Line));
    }

    [Fact]
    public void Holes_are_filled_by_name_in_any_order_and_double_braces_stay_braces()
    {
        Assert.Equal(new[] { "percent", "target" }, PageStrings.Holes("{percent}% of your {target}-day target"));
        var values = new Dictionary<string, object?> { ["target"] = 30, ["percent"] = 23.5 };
        Assert.Equal("23.5% of your 30-day target", PageStrings.Fill("{percent}% of your {target}-day target", values, CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("30 Tage, {wörtlich}: 23,5 %", PageStrings.Fill("{target} Tage, {{wörtlich}}: {percent} %", values, CultureInfo.GetCultureInfo("de-DE")));
        Assert.Throws<FormatException>(() => PageStrings.Fill("{days} days", values, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_translation_must_have_the_same_keys_and_the_same_holes()
    {
        var english = ContentLoader.LoadStrings(new ContentFile(ContentLoader.StringsFile, "today:\n  title: Day {day}\n  back: Back to today\n  done: Done\n"));
        var translated = ContentLoader.LoadStrings(new ContentFile("strings.yaml", "today:\n  title: Tag {tag}\n  done: Erledigt\n  extra: Mehr\n"));
        var errors = english.Mismatches(translated, "de/strings.yaml");
        Assert.Contains(errors, e => e.Message.Contains("\"today.back\" is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 2 && e.Message.Contains("{day}", StringComparison.Ordinal) && e.Message.Contains("{tag}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Message.Contains("\"today.extra\" is not in the reference language", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal("de/strings.yaml", e.Path));
        Assert.Equal(3, errors.Count);
        Assert.Empty(english.Mismatches(english, "en/strings.yaml"));
    }
}
