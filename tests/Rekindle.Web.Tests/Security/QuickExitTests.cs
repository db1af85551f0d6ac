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

    private const string Password = "lantern orchard velvet";

    [Fact]
    public async Task Leaving_quickly_signs_the_session_out_with_the_pages_own_token()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        var page = await browser.GetAsync("/letters");
        var token = QuickExitToken().Match(page.Html).Groups["token"].Value;
        Assert.False(string.IsNullOrEmpty(token), "The signed-in page carries no quick exit token");

        var left = await browser.PostAsync("/account/quick-exit", [], WebUtility.HtmlDecode(token));
        Assert.Equal(HttpStatusCode.NoContent, left.Status);
        Assert.Contains("/account/login", (await browser.GetAsync("/letters")).Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaving_quickly_needs_the_token_and_our_own_origin()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        var token = WebUtility.HtmlDecode(QuickExitToken().Match((await browser.GetAsync("/letters")).Html).Groups["token"].Value);

        // No token: refused, and the session goes on.
        Assert.NotEqual(HttpStatusCode.NoContent, (await browser.PostAsync("/account/quick-exit", [], null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/letters")).Status);

        // Another site cannot make the browser sign out, even with a token in hand.
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/account/quick-exit") { Content = new FormUrlEncodedContent([new("__rvt", token)]) };
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/letters")).Status);

        // A GET does nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/account/quick-exit")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/letters")).Status);
    }

    [Fact]
    public async Task A_device_that_chose_locking_is_locked_with_the_pin_instead_of_signed_out()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/settings/security", new Dictionary<string, string> { ["Pin.Pin"] = "2468", ["Pin.IdleMinutes"] = "5", ["Pin.Password"] = Password }, "/settings/security?handler=Pin")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/settings", new Dictionary<string, string> { ["QuickExitLocks"] = "true" }, "/settings?handler=Device")).Status);
        Assert.Contains("id=\"quick-exit-locks\" name=\"QuickExitLocks\" type=\"checkbox\" value=\"true\" checked", (await browser.GetAsync("/settings")).Html, StringComparison.Ordinal);

        var token = WebUtility.HtmlDecode(QuickExitToken().Match((await browser.GetAsync("/letters")).Html).Groups["token"].Value);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/account/quick-exit", [], token)).Status);
        Assert.EndsWith("/lock", (await browser.GetAsync("/letters")).Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_titles_say_notes_unless_this_browser_asked_for_descriptive_titles()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        using var visitor = app.NewBrowser();
        Assert.Contains("<title>Notes</title>", (await visitor.GetAsync("/help")).Html, StringComparison.Ordinal);

        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        foreach (var url in new[] { "/dashboard", "/letters", "/journal", "/help", "/settings" })
        {
            Assert.Contains("<title>Notes</title>", (await browser.GetAsync(url)).Html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/settings", new Dictionary<string, string> { ["DescriptiveTitles"] = "true" }, "/settings?handler=Device")).Status);
        Assert.Contains(" Rekindle</title>", (await browser.GetAsync("/letters")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<title>Notes</title>", (await browser.GetAsync("/letters")).Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-quick-exit-token=\"(?<token>[^\"]+)\"")]
    private static partial Regex QuickExitToken();

    [GeneratedRegex("<a[^>]*class=\"quick-exit\"[^>]*href=\"(?<href>[^\"]*)\"[^>]*data-quick-exit")]
    private static partial Regex QuickExitLink();
}
