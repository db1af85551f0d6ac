using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Rekindle.Core.Content;
using Rekindle.Web.Content;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// The pages' words live in content/en/strings.yaml: every key a view asks for exists, every key in the file is
/// asked for, each view passes exactly the holes its string has, and a missing key fails loudly.
/// </summary>
public sealed partial class ProgramPageStringsTests
{
    private static readonly string Features = Path.Combine(Repository.Root, "src", "Rekindle.Web", "Features");
    private static readonly string StringsPath = Path.Combine(Repository.Root, "content", ContentFiles.Language, ContentLoader.StringsFile);

    private static PageStrings Shipped() => ContentLoader.LoadStrings(new ContentFile(ContentLoader.StringsFile, File.ReadAllText(StringsPath)));

    private sealed record Use(string View, string Key, IReadOnlyList<string>? Holes);

    /// <summary>Every T["key"] and T["key", new { hole = ... }] in the views under Features.</summary>
    private static List<Use> Uses() =>
        Directory.EnumerateFiles(Features, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(view => KeyUse().Matches(File.ReadAllText(view)).Select(m => new Use(
                Path.GetRelativePath(Features, view),
                m.Groups["key"].Value,
                m.Groups["args"].Success ? HoleName().Matches(m.Groups["args"].Value).Select(h => h.Groups[1].Value).ToList() : null)))
            .ToList();

    [GeneratedRegex("""\bT\["(?<key>[^"]+)"(\s*,\s*new\s*\{(?<args>[^}]*)\})?\s*\]""")]
    private static partial Regex KeyUse();

    [GeneratedRegex("""(?:^|,)\s*([A-Za-z_]\w*)\s*=""")]
    private static partial Regex HoleName();

    [GeneratedRegex("""\bT\[(?!")""")]
    private static partial Regex ComputedKey();

    [Fact]
    public void The_program_views_read_their_words_through_keys()
    {
        var uses = Uses();
        foreach (var view in new[] { "Today", "Program", "Phase", "Guide", "Inventory", "Decide", "Signs", "Readiness", "Stages", "Healing", "Revision", "_History", "_Refused" })
        {
            Assert.Contains(uses, u => u.View == Path.Combine("Journeys", view + ".cshtml"));
        }

        Assert.Contains(uses, u => u.View == Path.Combine("Dashboard", "Index.cshtml"));
    }

    [Fact]
    public void Every_key_a_view_uses_is_in_strings_yaml()
    {
        var strings = Shipped();
        var missing = Uses().Where(u => !strings.TryGet(u.Key, out _)).Select(u => $"{u.View}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Not in strings.yaml: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_key_in_strings_yaml_is_used_by_a_view()
    {
        var used = Uses().Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        var orphans = Shipped().Values.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(orphans.Count == 0, "Used by no view: " + string.Join(", ", orphans));
    }

    [Fact]
    public void Views_name_keys_literally_so_the_scan_sees_them_all()
    {
        var computed = Directory.EnumerateFiles(Features, "*.cshtml", SearchOption.AllDirectories)
            .Where(view => ComputedKey().IsMatch(File.ReadAllText(view)))
            .Select(view => Path.GetRelativePath(Features, view))
            .ToList();
        Assert.True(computed.Count == 0, "A key built at run time in: " + string.Join(", ", computed));
    }

    [Fact]
    public void Each_view_passes_exactly_the_holes_its_string_has()
    {
        var strings = Shipped();
        var wrong = new List<string>();
        foreach (var use in Uses().Where(u => strings.TryGet(u.Key, out _)))
        {
            strings.TryGet(use.Key, out var value);
            var holes = PageStrings.Holes(value).Distinct().Order(StringComparer.Ordinal);
            if (!holes.SequenceEqual((use.Holes ?? []).Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                wrong.Add($"{use.View}: {use.Key} passes [{string.Join(", ", use.Holes ?? [])}] for \"{value}\"");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Contains(Uses(), u => u.Holes is { Count: 2 });
    }

    private static ProgramContent Content(string strings)
    {
        var root = Path.Combine(Repository.Root, "content", ContentFiles.Language);
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal))
            .Select(p => new ContentFile(Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .Where(f => f.Path != ContentLoader.StringsFile)
            .Append(new ContentFile(ContentLoader.StringsFile, strings));
        return ContentLoader.Load(files);
    }

    private static PageText Text(string environment, TestLogSink? logs = null)
    {
        var content = Content("dashboard:\n  where: Where you are\n  since: \"{days} days since the breakup.\"\n");
        var factory = LoggerFactory.Create(b => { if (logs is not null) { b.AddProvider(logs); } });
        return new PageText(content, new HostingEnvironment { EnvironmentName = environment }, factory.CreateLogger<PageText>());
    }

    [Fact]
    public void A_missing_key_throws_outside_production()
    {
        var text = Text("Testing");
        Assert.Equal("Where you are", text["dashboard.where"].Value);
        var error = Assert.Throws<KeyNotFoundException>(() => text["dashboard.nowhere"]);
        Assert.Contains("\"dashboard.nowhere\"", error.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => Text(Environments.Development)["dashboard.nowhere", new { days = 1 }]);
    }

    [Fact]
    public void Holes_are_filled_by_name_and_a_wrong_set_of_holes_throws()
    {
        var text = Text("Testing");
        Assert.Equal("12 days since the breakup.", text["dashboard.since", new { days = 12 }].Value);
        Assert.Equal("3 days since the breakup.", text["dashboard.since", new Dictionary<string, object?> { ["days"] = 3 }].Value);
        Assert.Throws<FormatException>(() => text["dashboard.since"]);
        Assert.Throws<FormatException>(() => text["dashboard.since", 12]);
        Assert.Throws<FormatException>(() => text["dashboard.since", new { weeks = 2 }]);
        Assert.Throws<FormatException>(() => text["dashboard.since", new { days = 12, weeks = 2 }]);
    }

    [Fact]
    public void In_production_a_missing_key_is_logged_as_an_error_and_shows_the_key()
    {
        var logs = new TestLogSink();
        var shown = Text(Environments.Production, logs)["dashboard.nowhere"];
        Assert.True(shown.ResourceNotFound);
        Assert.Equal("dashboard.nowhere", shown.Value);
        Assert.Contains(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("dashboard.nowhere", StringComparison.Ordinal));
    }
}

/// <summary>A broken strings file stops start-up like any other content; a key a page needs that isn't there breaks that page in tests.</summary>
public sealed class BrokenContentStringsTests
{
    private static string CopyContent(Func<string, string> changeStrings)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"rekindle-content-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "content"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Path.Combine(Repository.Root, "content"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var strings = Path.Combine(copy, ContentFiles.Language, ContentLoader.StringsFile);
        File.WriteAllText(strings, changeStrings(File.ReadAllText(strings)));
        return copy;
    }

    [Fact]
    public void A_duplicate_key_stops_start_up_with_the_file_and_line()
    {
        var copy = CopyContent(text => text + "\ndecide:\n  heading: Should you, really?\n");
        try
        {
            using var app = new AppFactoryWithContent(copy);
            var message = Assert.ThrowsAny<Exception>(() => app.Server).ToString();
            var line = File.ReadAllLines(Path.Combine(copy, "en", "strings.yaml")).Length;
            Assert.Contains($"strings.yaml:{line}: the key \"decide.heading\" appears twice", message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task A_page_whose_key_is_missing_fails_instead_of_showing_the_key()
    {
        var copy = CopyContent(text => text.Replace("  where: Where you are\n  safety-pivot:", "  safety-pivot:", StringComparison.Ordinal));
        try
        {
            await using var app = new AppFactoryWithContent(copy);
            using var browser = app.NewBrowser();
            await browser.RegisterAsync(Emails.New("strings"));
            var page = await browser.GetAsync("/dashboard");
            Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
            Assert.DoesNotContain("dashboard.where", page.Html, StringComparison.Ordinal);
            Assert.Contains(app.Logs.Lines, l => l.Contains("\"dashboard.where\" is not in en/strings.yaml", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
