using System.Net;
using System.Net.Http.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>Password guessing and account spam are slowed per client: 429 with Retry-After past the limit.</summary>
public sealed class RateLimitTests
{
    private const int PerMinute = 3;

    private static ConfiguredSqliteApp NewApp() => new(new Dictionary<string, string?> { ["Rekindle:AccountRequestsPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static void AssertLimited(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{what} answered {(int)response.StatusCode}, expected 429");
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"{what}: Retry-After is {response.Headers.RetryAfter}");
    }

    [Fact]
    public async Task Sign_in_attempts_past_the_limit_answer_429_with_retry_after()
    {
        await using var app = NewApp();
        using var browser = app.NewBrowser();
        var login = await browser.GetAsync("/account/login");
        var token = login.AntiforgeryToken();
        var fields = new Dictionary<string, string> { ["Input.Email"] = "nobody@example.test", ["Input.Password"] = "not the password" };
        for (var i = 0; i < PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/account/login", fields, token)).Status);
        }

        AssertLimited((await browser.PostAsync("/account/login", fields, token)).Response, "POST /account/login");
        AssertLimited(await browser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.test", password = "not the password" }), "POST /api/v1/auth/login");
        // Reading the page stays free.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/login")).Status);
    }

    [Fact]
    public async Task Registrations_past_the_limit_answer_429_with_retry_after()
    {
        await using var app = NewApp();
        using var browser = app.NewBrowser();
        var token = (await browser.GetAsync("/account/register")).AntiforgeryToken();
        for (var i = 0; i < PerMinute; i++)
        {
            var page = await browser.PostAsync("/account/register", new Dictionary<string, string> { ["Input.Email"] = "not an email", ["Input.Password"] = "x" }, token);
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        AssertLimited((await browser.PostAsync("/account/register", new Dictionary<string, string> { ["Input.Email"] = Emails.New(), ["Input.Password"] = "lantern orchard velvet" }, token)).Response, "POST /account/register");
        AssertLimited(await browser.Client.PostAsJsonAsync("/api/v1/auth/register", new { email = Emails.New(), password = "lantern orchard velvet" }), "POST /api/v1/auth/register");
    }

    [Fact]
    public async Task Five_failures_lock_the_account_through_the_api_too_and_it_is_logged()
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?>());
        var email = Emails.New();
        using (var owner = app.NewBrowser())
        {
            await owner.RegisterAsync(email);
        }

        using var guesser = app.NewBrowser();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"wrong guess {i}" })).StatusCode);
        }

        // The fifth failure locks; from then on even the right password is refused.
        Assert.Equal(HttpStatusCode.Locked, (await guesser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong guess 5" })).StatusCode);
        Assert.Equal(HttpStatusCode.Locked, (await guesser.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "lantern orchard velvet" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.Client.GetAsync("/api/v1/dashboard")).StatusCode);
        Assert.Contains(app.Logs.Lines, line => line.Contains("locked out", StringComparison.OrdinalIgnoreCase));
    }
}
