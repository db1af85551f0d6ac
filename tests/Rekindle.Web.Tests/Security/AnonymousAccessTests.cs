using System.Net;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps (pages and API, every method) is closed to a signed-out visitor unless it is
/// on the public list below. A new route that is on neither list fails, so nobody opens a route by accident.
/// </summary>
public sealed class AnonymousAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Routes anyone may reach, with why. Everything else needs a signed-in user.</summary>
    public static readonly Dictionary<string, string> Public = new()
    {
        [""] = "the welcome page",
        ["error"] = "error pages must render for everyone",
        ["help"] = "crisis help must never sit behind a sign-in",
        ["api/v1/crisis-resources"] = "crisis help for API clients",
        ["account/login"] = "signing in",
        ["account/register"] = "creating an account",
        ["account/lockout"] = "explains a locked account to someone who cannot sign in",
        ["account/deleted"] = "shown after the account (and so the session) is gone",
        ["api/v1/auth/login"] = "signing in through the API",
        ["api/v1/auth/register"] = "creating an account through the API",
        ["health"] = "the load balancer's health check; says nothing about users",
        ["openapi/{documentName}.json"] = "the API description; no user data",
    };

    [Fact]
    public async Task Every_endpoint_needs_a_signed_in_user_except_the_public_list()
    {
        var calls = Endpoints.All(app);
        Assert.Contains(calls, c => c.IsPage);
        Assert.Contains(calls, c => c.IsApi);

        var failures = new List<string>();
        using var visitor = app.NewBrowser();
        foreach (var call in calls)
        {
            using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url());
            if (call.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = call.IsApi ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]);
            }

            using var response = await visitor.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            var sentToSignIn = response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/login", StringComparison.Ordinal);
            // The sign-in challenge is a 401 with no reason of its own (a bare problem document); a public endpoint
            // may still answer 401 with a problem saying why (a wrong password).
            var challenged = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                && !(await response.Content.ReadAsStringAsync()).Contains("\"detail\"", StringComparison.Ordinal);
            if (Public.ContainsKey(call.Pattern))
            {
                if (sentToSignIn || challenged || status >= 500)
                {
                    failures.Add($"{call}: public, but answered {status} {location}");
                }
            }
            else if (call.IsApi ? !(challenged && response.StatusCode == HttpStatusCode.Unauthorized) : !sentToSignIn)
            {
                failures.Add($"{call}: answered {status} {location} to a signed-out visitor; expected {(call.IsApi ? "401" : "a redirect to sign-in")}. " +
                    "Protect it, or add it to AnonymousAccessTests.Public with the reason it is public.");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_public_route_still_exists()
    {
        var patterns = Endpoints.All(app).Select(c => c.Pattern).ToHashSet();
        var gone = Public.Keys.Where(p => !patterns.Contains(p)).ToList();
        Assert.True(gone.Count == 0, "Public routes that no longer exist: " + string.Join(", ", gone));
    }

    [Fact]
    public async Task Api_errors_are_problem_documents_without_redirects_and_pages_keep_the_return_address()
    {
        using var visitor = app.NewBrowser();
        var page = await visitor.GetAsync("/letters");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("ReturnUrl=%2Fletters", page.Location, StringComparison.Ordinal);

        var api = await visitor.Client.GetAsync("/api/v1/letters");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Null(api.Headers.Location);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New());
        var missing = await browser.Client.GetAsync($"/api/v1/letters/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, System.Text.Json.JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }
}
