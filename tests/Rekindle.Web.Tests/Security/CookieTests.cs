using System.Net;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>Every cookie the app sets is __Host- prefixed, Secure, HttpOnly, SameSite, Path=/ and has no Domain.</summary>
public sealed class CookieTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private sealed record SetCookie(string Name, string Value, IReadOnlyDictionary<string, string> Attributes)
    {
        public static SetCookie Parse(string header)
        {
            var parts = header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var nameValue = parts[0].Split('=', 2);
            var attributes = parts.Skip(1)
                .Select(p => p.Split('=', 2))
                .ToDictionary(p => p[0].ToLowerInvariant(), p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
            return new(nameValue[0], nameValue.Length > 1 ? nameValue[1] : "", attributes);
        }
    }

    private static IEnumerable<SetCookie> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(SetCookie.Parse) : [];

    /// <summary>Drives the app through every step that sets a cookie: forms, sign-in, a TempData message, sign-out.</summary>
    private async Task<List<SetCookie>> CollectCookiesAsync()
    {
        var cookies = new List<SetCookie>();
        using var browser = app.NewBrowser();
        var email = Emails.New();
        cookies.AddRange(CookiesOf((await browser.GetAsync("/account/register")).Response));
        cookies.AddRange(CookiesOf((await browser.RegisterAsync(email)).Response));
        // Settings sets a TempData message after signing out everywhere else (it also re-issues the session).
        cookies.AddRange(CookiesOf((await browser.SubmitAsync("/settings", [], "/settings?handler=SignOutEverywhere")).Response));
        cookies.AddRange(CookiesOf((await browser.GetAsync("/settings")).Response));
        cookies.AddRange(CookiesOf((await browser.SubmitAsync("/dashboard", [], "/account/logout")).Response));
        cookies.AddRange(CookiesOf((await browser.SignInAsync(email)).Response));
        return cookies;
    }

    [Fact]
    public async Task Every_cookie_is_host_prefixed_secure_http_only_same_site_and_host_only()
    {
        var cookies = await CollectCookiesAsync();
        Assert.Contains(cookies, c => c.Name == "__Host-rekindle");
        Assert.Contains(cookies, c => c.Name == "__Host-rekindle-af");
        Assert.Contains(cookies, c => c.Name == "__Host-rekindle-td");

        foreach (var cookie in cookies)
        {
            Assert.StartsWith("__Host-", cookie.Name, StringComparison.Ordinal);
            Assert.True(cookie.Attributes.ContainsKey("secure"), $"{cookie.Name} is not Secure");
            Assert.True(cookie.Attributes.ContainsKey("httponly"), $"{cookie.Name} is not HttpOnly");
            Assert.True(cookie.Attributes.TryGetValue("samesite", out var sameSite) && sameSite.ToLowerInvariant() is "lax" or "strict", $"{cookie.Name} has SameSite {sameSite}");
            Assert.True(cookie.Attributes.TryGetValue("path", out var path) && path == "/", $"{cookie.Name} has Path {path}");
            Assert.False(cookie.Attributes.ContainsKey("domain"), $"{cookie.Name} has a Domain");
        }

        // Antiforgery and TempData never need to travel on a cross-site navigation; the session must (links from mail).
        Assert.All(cookies.Where(c => c.Name is "__Host-rekindle-af" or "__Host-rekindle-td"), c => Assert.Equal("strict", c.Attributes["samesite"].ToLowerInvariant()));
        Assert.All(cookies.Where(c => c.Name == "__Host-rekindle"), c => Assert.Equal("lax", c.Attributes["samesite"].ToLowerInvariant()));
    }

    [Fact]
    public async Task The_session_cookie_is_not_persistent_unless_asked()
    {
        using var browser = app.NewBrowser();
        var registered = await browser.RegisterAsync(Emails.New());
        var session = CookiesOf(registered.Response).Single(c => c.Name == "__Host-rekindle");
        Assert.False(session.Attributes.ContainsKey("expires"), "A new account's session outlives the browser");
    }
}
