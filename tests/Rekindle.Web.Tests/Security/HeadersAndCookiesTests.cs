using System.Net;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>Security headers on every kind of response, and cookies that can't leak.</summary>
public sealed class HeadersAndCookiesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var browser = app.NewBrowser();
        var anonymous = new[] { "/", "/help", "/css/site.css", "/no-such-page", "/account/login" };
        var responses = new List<(string Path, HttpResponseMessage Response, bool SignedIn)>();
        foreach (var path in anonymous)
        {
            responses.Add((path, await browser.Client.GetAsync(path), false));
        }

        await browser.RegisterAsync(Emails.New("headers"));
        foreach (var path in new[] { "/dashboard", "/journal", "/api/v1/program", "/api/v1/journal/" + Guid.NewGuid() })
        {
            responses.Add((path, await browser.Client.GetAsync(path), true));
        }

        foreach (var (path, response, signedIn) in responses)
        {
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
            if (signedIn)
            {
                Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} is cacheable");
            }
        }
    }

    [Fact]
    public async Task Cookies_are_host_only_secure_http_only_and_same_site()
    {
        using var browser = app.NewBrowser();
        var register = await browser.Client.GetAsync("/account/register");
        var token = new Page(register.StatusCode, await register.Content.ReadAsStringAsync(), register).AntiforgeryToken();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Emails.New("cookies"), ["Input.Password"] = "lantern orchard velvet", ["Input.TimeZoneId"] = "Europe/London", ["__rvt"] = token,
        });
        var signedIn = await browser.Client.PostAsync("/account/register", form);
        var cookies = register.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-rekindle=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-rekindle-af=", StringComparison.Ordinal));
        foreach (var cookie in cookies)
        {
            var lower = cookie.ToLowerInvariant();
            Assert.StartsWith("__host-", lower, StringComparison.Ordinal);
            Assert.Contains("; secure", lower, StringComparison.Ordinal);
            Assert.Contains("; httponly", lower, StringComparison.Ordinal);
            Assert.Contains("; path=/", lower, StringComparison.Ordinal);
            Assert.DoesNotContain("domain=", lower, StringComparison.Ordinal);
            Assert.True(lower.Contains("samesite=lax", StringComparison.Ordinal) || lower.Contains("samesite=strict", StringComparison.Ordinal), cookie);
        }
    }
}
