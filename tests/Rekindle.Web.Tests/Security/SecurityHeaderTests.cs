using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>The security headers are on every kind of response: pages, API, static files, 404s, errors, redirects.</summary>
public sealed class SecurityHeaderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : "";

    private static Dictionary<string, string> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what, bool https = true)
    {
        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.True(csp.Count > 0, $"{what}: no Content-Security-Policy");
        var scripts = csp.GetValueOrDefault("script-src") ?? csp.GetValueOrDefault("default-src") ?? "";
        Assert.True(scripts.Length > 0, $"{what}: CSP has no script source");
        Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("*", scripts, StringComparison.Ordinal);
        Assert.Equal("'none'", csp.GetValueOrDefault("frame-ancestors"));
        Assert.Equal("'none'", csp.GetValueOrDefault("object-src"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        var hsts = Header(response, "Strict-Transport-Security");
        if (https)
        {
            Assert.True(hsts.Contains("max-age=", StringComparison.Ordinal) && !hsts.Contains("max-age=0", StringComparison.Ordinal), $"{what}: HSTS is \"{hsts}\"");
        }
        else
        {
            Assert.True(hsts.Length == 0, $"{what}: HSTS over plain HTTP is ignored by browsers and must not be sent");
        }
    }

    private static void AssertNotStored(HttpResponseMessage response, string what) =>
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control is \"{response.Headers.CacheControl}\"");

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/help", HttpStatusCode.OK)]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/api/v1/crisis-resources?country=GB", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/js/site.js", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/js/no-such-file.js", HttpStatusCode.NotFound)]
    [InlineData("/error", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/letters", HttpStatusCode.Redirect)]
    [InlineData("/api/v1/letters", HttpStatusCode.Unauthorized)]
    public async Task A_signed_out_visitor_gets_every_header(string url, HttpStatusCode status)
    {
        using var browser = app.NewBrowser();
        using var response = await browser.Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response, url);
    }

    [Fact]
    public async Task Signed_in_pages_and_the_api_are_never_stored_and_carry_every_header()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        foreach (var call in Endpoints.All(app).Where(c => c.Method == "GET" && !c.Pattern.Contains('{', StringComparison.Ordinal)))
        {
            using var response = await browser.Client.GetAsync(call.Url());
            Assert.True((int)response.StatusCode < 500, $"{call} answered {(int)response.StatusCode}");
            AssertSecurityHeaders(response, call.ToString());
            if (call.Pattern != "health" && !call.Pattern.StartsWith("openapi", StringComparison.Ordinal))
            {
                AssertNotStored(response, call.ToString());
            }
        }

        using var missing = await browser.Client.GetAsync($"/letters/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertSecurityHeaders(missing, "a missing letter");
        AssertNotStored(missing, "a missing letter");
    }

    [Fact]
    public async Task The_api_is_never_stored_even_signed_out()
    {
        using var browser = app.NewBrowser();
        using var response = await browser.Client.GetAsync("/api/v1/crisis-resources?country=GB");
        AssertNotStored(response, "/api/v1/crisis-resources");
    }

    [Fact]
    public async Task Plain_http_gets_every_header_but_hsts()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        foreach (var url in new[] { "/", "/help", "/css/site.css", "/no-such-page" })
        {
            using var response = await client.GetAsync(url);
            AssertSecurityHeaders(response, "http " + url, https: false);
        }
    }
}
