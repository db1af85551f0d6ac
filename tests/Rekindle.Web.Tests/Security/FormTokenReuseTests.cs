using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// Signed-in pages reuse the form token issued to the same browser and user (ReusingAntiforgery): the reused token
/// works, it never crosses to another user on the same browser, and a cookie the app did not issue is never remembered.
/// </summary>
public sealed class FormTokenReuseTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string AntiforgeryCookie = "__Host-rekindle-af";
    private const string SignInCookie = "__Host-rekindle";

    [Fact]
    public async Task A_signed_in_browser_gets_the_same_form_token_on_every_page_and_it_is_accepted()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("token-reuse"));

        var dashboard = (await browser.GetAsync("/dashboard")).AntiforgeryToken();
        var journal = (await browser.GetAsync("/journal")).AntiforgeryToken();
        var dashboardAgain = (await browser.GetAsync("/dashboard")).AntiforgeryToken();

        Assert.Equal(dashboard, journal);
        Assert.Equal(dashboard, dashboardAgain);
        var signOut = await browser.PostAsync("/account/logout", [], dashboard);
        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/dashboard")).Status);
    }

    [Fact]
    public async Task Another_user_on_the_same_browser_gets_a_token_of_their_own()
    {
        var (client, cookies) = await NewSignedInBrowserAsync();
        using var _ = client;
        var antiforgery = cookies[AntiforgeryCookie];
        var first = cookies[SignInCookie];
        var firstToken = await TokenOnDashboardAsync(client, cookies);
        Assert.Equal(firstToken, await TokenOnDashboardAsync(client, cookies));

        cookies.Remove(SignInCookie);
        await RegisterAsync(client, cookies);
        Assert.Equal(antiforgery, cookies[AntiforgeryCookie]); // the same browser cookie, so only the user differs
        Assert.NotEqual(first, cookies[SignInCookie]);
        var secondToken = await TokenOnDashboardAsync(client, cookies);

        Assert.NotEqual(firstToken, secondToken);
        var withTheFirstUsersToken = await SendAsync(client, cookies, HttpMethod.Post, "/account/logout", firstToken);
        Assert.Equal(HttpStatusCode.BadRequest, withTheFirstUsersToken.StatusCode);
        // A refused form forgets the browser's token (in case its key was revoked): the next page makes a new one.
        var afterTheRefusal = await TokenOnDashboardAsync(client, cookies);
        Assert.NotEqual(secondToken, afterTheRefusal);
        var withTheirOwn = await SendAsync(client, cookies, HttpMethod.Post, "/account/logout", afterTheRefusal);
        Assert.Equal(HttpStatusCode.Redirect, withTheirOwn.StatusCode);
    }

    [Fact]
    public async Task An_antiforgery_cookie_the_app_did_not_issue_is_replaced_every_time_and_never_remembered()
    {
        var (client, cookies) = await NewSignedInBrowserAsync();
        using var _ = client;
        var forged = "CfDJ8" + new string('A', 150);

        var tokens = new List<string>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            cookies[AntiforgeryCookie] = forged;
            var page = await SendAsync(client, cookies, HttpMethod.Get, "/dashboard");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.NotEqual(forged, cookies[AntiforgeryCookie]); // a new cookie came back, both times
            tokens.Add(await TokenOfAsync(page));
            var refused = await SendAsync(client, new Dictionary<string, string>(cookies) { [AntiforgeryCookie] = forged }, HttpMethod.Post, "/account/logout", tokens[^1]);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.NotEqual(tokens[0], tokens[1]);
        var accepted = await SendAsync(client, cookies, HttpMethod.Post, "/account/logout", tokens[1]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task A_form_refused_by_the_plain_check_forgets_the_token_as_well()
    {
        // Razor Pages' filter calls ValidateRequestAsync (covered above); other form endpoints call IsRequestValidAsync.
        var (client, cookies) = await NewSignedInBrowserAsync();
        using var _ = client;
        var principal = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat.Unprotect(cookies[SignInCookie])!.Principal;
        var antiforgery = app.Services.GetRequiredService<IAntiforgery>();
        HttpContext Request(string method)
        {
            var context = new DefaultHttpContext { User = principal };
            context.Request.Method = method;
            context.Request.Scheme = "https";
            context.Request.Headers.Cookie = $"{AntiforgeryCookie}={cookies[AntiforgeryCookie]}";
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Body = new MemoryStream();
            return context;
        }

        var token = antiforgery.GetAndStoreTokens(Request("GET")).RequestToken;
        Assert.Equal(token, antiforgery.GetAndStoreTokens(Request("GET")).RequestToken);

        Assert.False(await antiforgery.IsRequestValidAsync(Request("POST")));

        Assert.NotEqual(token, antiforgery.GetAndStoreTokens(Request("GET")).RequestToken);
    }

    /// <summary>A client that sends only the cookies the test holds, signed in as a new user after one page.</summary>
    private async Task<(HttpClient Client, Dictionary<string, string> Cookies)> NewSignedInBrowserAsync()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = false,
        });
        var cookies = new Dictionary<string, string>();
        await RegisterAsync(client, cookies);
        return (client, cookies);
    }

    /// <summary>Sends the cookies held, then keeps the ones the answer sets (an expired one is dropped).</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Dictionary<string, string> cookies, HttpMethod method, string path, string? token = null, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (method == HttpMethod.Post)
        {
            var fields = new Dictionary<string, string>(form ?? []);
            if (token is not null)
            {
                fields["__rvt"] = token;
            }

            request.Content = new FormUrlEncodedContent(fields);
        }

        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var nameValue = header.Split(';')[0].Split('=', 2);
            if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || nameValue[1].Length == 0)
            {
                cookies.Remove(nameValue[0]);
            }
            else
            {
                cookies[nameValue[0]] = nameValue[1];
            }
        }

        return response;
    }

    private static async Task<string> RegisterAsync(HttpClient client, Dictionary<string, string> cookies)
    {
        var page = await SendAsync(client, cookies, HttpMethod.Get, "/account/register");
        var registered = await SendAsync(client, cookies, HttpMethod.Post, "/account/register", await TokenOfAsync(page), new()
        {
            ["Input.Email"] = Emails.New("token-reuse"),
            ["Input.Password"] = "lantern orchard velvet",
            ["Input.TimeZoneId"] = "Europe/London",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return cookies[SignInCookie];
    }

    private static async Task<string> TokenOnDashboardAsync(HttpClient client, Dictionary<string, string> cookies)
    {
        var page = await SendAsync(client, cookies, HttpMethod.Get, "/dashboard");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await TokenOfAsync(page);
    }

    private static async Task<string> TokenOfAsync(HttpResponseMessage response) =>
        new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response).AntiforgeryToken();
}
