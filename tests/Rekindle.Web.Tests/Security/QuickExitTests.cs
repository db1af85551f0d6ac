using System.Net;
using System.Text.RegularExpressions;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>"Leave quickly" is on every page, signed in or not, and goes where the operator configured.</summary>
public sealed partial class QuickExitTests
{
    private static string? ExitLink(string html) =>
        QuickExitLink().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["href"].Value) : null;

    [Fact]
    public async Task Every_page_signed_in_or_not_has_the_quick_exit_link_to_the_neutral_default()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        using var visitor = app.NewBrowser();
        foreach (var url in new[] { "/", "/help", "/account/login", "/account/register", "/error", "/no-such-page" })
        {
            var page = await visitor.GetAsync(url);
            Assert.True(ExitLink(page.Html) == RekindleOptions.DefaultQuickExitUrl, $"{url}: quick exit is {ExitLink(page.Html) ?? "missing"}");
        }

        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        var pages = await FormCrawler.SignedInPagesAsync(app, browser);
        Assert.True(pages.Count >= 8, $"Only {pages.Count} pages found");
        foreach (var url in pages)
        {
            var page = await browser.GetAsync(url);
            Assert.True(ExitLink(page.Html) == RekindleOptions.DefaultQuickExitUrl, $"{url}: quick exit is {ExitLink(page.Html) ?? "missing"}");
        }
    }

    [Theory]
    [InlineData("/help?left=1", "/help?left=1")]
    [InlineData("https://www.bbc.co.uk/weather", "https://www.bbc.co.uk/weather")]
    [InlineData("javascript:alert(1)", RekindleOptions.DefaultQuickExitUrl)]
    [InlineData("//evil.example/", RekindleOptions.DefaultQuickExitUrl)]
    [InlineData("data:text/html,hello", RekindleOptions.DefaultQuickExitUrl)]
    public async Task The_exit_address_is_configurable_and_only_ever_a_web_address_or_local_path(string configured, string expected)
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?> { ["Rekindle:QuickExitUrl"] = configured });
        using var visitor = app.NewBrowser();
        Assert.Equal(expected, ExitLink((await visitor.GetAsync("/help")).Html));
    }

    [Fact]
    public async Task The_script_that_makes_esc_twice_work_is_a_file_not_inline()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        using var visitor = app.NewBrowser();
        var page = await visitor.GetAsync("/help");
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", page.Html);
        var script = await visitor.Client.GetStringAsync("/js/site.js");
        Assert.Contains("location.replace", script, StringComparison.Ordinal);
        Assert.Contains("Escape", script, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a[^>]*class=\"quick-exit\"[^>]*href=\"(?<href>[^\"]*)\"[^>]*data-quick-exit")]
    private static partial Regex QuickExitLink();
}
