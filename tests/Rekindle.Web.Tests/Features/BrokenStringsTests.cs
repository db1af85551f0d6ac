using System.Net;
using Rekindle.Core.Content;
using Rekindle.Web.Content;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>A broken strings.yaml stops start-up like any other content; a key a page needs that isn't there fails that page instead of showing the key.</summary>
public sealed class BrokenContentStringsTests
{
    private static string CopyContent(Func<string, string> changeStrings)
    {
        var source = Path.Combine(Repository.Root, "content");
        var copy = Path.Combine(Path.GetTempPath(), $"rekindle-content-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var strings = Path.Combine(copy, ContentFiles.Language, ContentLoader.StringsFile);
        var changed = changeStrings(File.ReadAllText(strings));
        Assert.NotEqual(File.ReadAllText(strings), changed);
        File.WriteAllText(strings, changed);
        return copy;
    }

    [Fact]
    public void A_key_given_twice_stops_start_up_with_the_file_and_line()
    {
        var copy = CopyContent(text => text.Replace("  journal: Journal\n", "  journal: Journal\n  saved: Saved again.\n", StringComparison.Ordinal));
        try
        {
            using var app = new AppFactoryWithContent(copy);
            var message = Assert.ThrowsAny<Exception>(() => app.Server).ToString();
            var line = Array.FindIndex(File.ReadAllLines(Path.Combine(copy, "en", "strings.yaml")), l => l == "  saved: Saved again.") + 1;
            Assert.Contains($"strings.yaml:{line}: this is not valid YAML: the key \"saved\" appears twice", message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task A_page_whose_key_is_missing_fails_instead_of_showing_the_key()
    {
        var copy = CopyContent(text => text.Replace("  where-you-are: Where you are\n  pivot-note:", "  pivot-note:", StringComparison.Ordinal));
        try
        {
            await using var app = new AppFactoryWithContent(copy);
            using var browser = app.NewBrowser();
            await browser.RegisterAsync(Emails.New("strings"));
            var page = await browser.GetAsync("/dashboard");
            Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
            Assert.DoesNotContain("dashboard.where-you-are", page.Html, StringComparison.Ordinal);
            Assert.Contains(app.Logs.Lines, l => l.Contains("KeyNotFoundException", StringComparison.Ordinal) && l.Contains("\"dashboard.where-you-are\"", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/program")).Status);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
