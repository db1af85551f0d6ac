using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// Requests another site starts are refused (403) on every endpoint that changes something, logout and
/// sign-out-everywhere included; the API takes JSON bodies only (415), so a simple form can't reach it.
/// </summary>
public sealed class CrossSiteTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<TestBrowser> SignedInAsync()
    {
        var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("cross-site"));
        return browser;
    }

    private static async Task<bool> SignedInAsync(TestBrowser browser) =>
        (await browser.Client.GetAsync("/api/v1/dashboard")).StatusCode == HttpStatusCode.OK;

    private List<EndpointCall> ChangingApiCalls() =>
        Endpoints.All(app).Where(c => c.IsApi && c.Method is "POST" or "PUT" or "PATCH" or "DELETE").ToList();

    private static HttpRequestMessage Json(EndpointCall call, string body = "{}") =>
        new(new HttpMethod(call.Method), call.Url()) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static TheoryData<string, string> ForeignHeaders() => new()
    {
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
        { "Origin", "https://evil.example" },
        { "Origin", "https://localhost.evil.example" },
        { "Origin", "https://localhost:8443" },
        { "Origin", "null" },
    };

    [Theory]
    [MemberData(nameof(ForeignHeaders))]
    public async Task Every_api_call_that_changes_something_refuses_another_sites_request(string header, string value)
    {
        using var browser = await SignedInAsync();
        var calls = ChangingApiCalls();
        Assert.Contains(calls, c => c.Pattern == "api/v1/auth/logout");
        Assert.Contains(calls, c => c.Pattern == "api/v1/account/sign-out-everywhere");
        Assert.Contains(calls, c => c.Pattern == "api/v1/account/import");
        foreach (var call in calls)
        {
            using var request = Json(call);
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await browser.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{call} with {header}: {value} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.True(await SignedInAsync(browser), "a refused logout or sign-out-everywhere still ended the session");
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    [InlineData("Origin", "https://localhost")]
    [InlineData(null, null)]
    public async Task The_apps_own_pages_and_other_clients_can_still_log_out_through_the_api(string? header, string? value)
    {
        using var browser = await SignedInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using var response = await browser.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await SignedInAsync(browser));
    }

    [Theory]
    [InlineData("/account/logout", "/account/logout")]
    [InlineData("/settings", "/settings?handler=SignOutEverywhere")]
    [InlineData("/settings/security", "/settings/security?handler=Everywhere")]
    public async Task Logout_and_sign_out_everywhere_pages_refuse_another_sites_form(string page, string action)
    {
        using var browser = await SignedInAsync();
        using var phone = app.NewBrowser();
        var token = (await browser.GetAsync(page)).AntiforgeryToken();
        foreach (var (header, value) in new[] { ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site"), ("Origin", "https://evil.example") })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__rvt"] = token });
            using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await browser.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{action} with {header}: {value} answered {(int)response.StatusCode}");
        }

        Assert.True(await SignedInAsync(browser));

        // The same form from the app's own page works.
        using var own = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__rvt"] = token }) };
        own.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        own.Headers.TryAddWithoutValidation("Origin", "https://localhost");
        using var done = await browser.Client.SendAsync(own);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }

    [Theory]
    [InlineData("text/plain", "{\"format\":\"rekindle-export\"}")]
    [InlineData("application/x-www-form-urlencoded", "a=b")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--")]
    [InlineData("text/plain", "")]
    [InlineData("application/json; charset=utf-16", "{}")]
    [InlineData("application/xml", "<a/>")]
    public async Task Every_api_call_with_a_body_takes_json_only(string contentType, string body)
    {
        using var browser = await SignedInAsync();
        foreach (var call in ChangingApiCalls())
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            using var response = await browser.Client.SendAsync(new HttpRequestMessage(new HttpMethod(call.Method), call.Url()) { Content = content });
            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{call} with {contentType} answered {(int)response.StatusCode}");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(415, problem.GetProperty("status").GetInt32());
        }

        Assert.True(await SignedInAsync(browser));
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_refused_but_an_empty_logout_is_not()
    {
        using var browser = await SignedInAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{}"));
        using var response = await browser.Client.PostAsync("/api/v1/account/sign-out-everywhere", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);

        using var empty = await browser.Client.PostAsync("/api/v1/account/sign-out-everywhere", null);
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
    }
}
