using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// Every route the app serves, read from its endpoint data source: anonymous requests are sent to sign in
/// (pages) or answered 401 (API), except for an explicit list of public routes. A new route is protected unless
/// it is added to that list on purpose.
/// </summary>
public sealed partial class AccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly HashSet<string> Public = new(StringComparer.Ordinal)
    {
        "", "index", "error", "help", "account/login", "account/register", "account/lockout", "account/deleted",
        "health", "openapi/{documentName}.json", "api/v1/auth/register", "api/v1/auth/login", "api/v1/crisis-resources",
    };

    private static string Sample(string pattern) => Parameter().Replace(pattern, m => m.Groups[1].Value switch
    {
        "id" => Guid.NewGuid().ToString(),
        "date" => "2026-11-01",
        "day" => "1",
        "kind" => "inventory",
        "phase" => "focus",
        "slug" => "they-contact-you",
        "item" => "lesson",
        "name" => "mood",
        "country" => "GB",
        "documentName" => "v1",
        var other => other,
    });

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();

    [Fact]
    public async Task Every_route_needs_a_signed_in_user_unless_it_is_public_on_purpose()
    {
        _ = app.Server;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 60, $"{endpoints.Count} endpoints");
        using var anonymous = app.NewBrowser();
        var checkedRoutes = 0;
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE"))
            {
                var url = "/" + Sample(pattern);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var response = await anonymous.Client.SendAsync(request);
                checkedRoutes++;
                var api = pattern.StartsWith("api/", StringComparison.Ordinal);
                var refused = api ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;
                if (Public.Contains(pattern))
                {
                    // Public on purpose: marked anonymous, and a page answers rather than sending to sign-in.
                    // (An API like sign-in may still answer 401 to wrong credentials.)
                    if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null || (!api && refused))
                    {
                        problems.Add($"{method} {url} → {(int)response.StatusCode} (listed as public, but it needs sign-in)");
                    }
                }
                else if (!refused)
                {
                    problems.Add($"{method} {url} → {(int)response.StatusCode} (answered without sign-in; protect it, or list it as public)");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(checkedRoutes > 80, $"{checkedRoutes} routes checked");
    }
}
