using System.Net;
using System.Net.Http.Json;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy (Rekindle:BehindProxy) the client's own address and scheme count: each
/// client has its own sign-in limit, and HSTS is sent. Real Kestrel, so the proxy (loopback) has an address.
/// </summary>
public sealed class ProxyTests
{
    private static HttpRequestMessage SignIn(string client) =>
        new(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = "nobody@example.test", password = "not the password" }),
            Headers = { { "X-Forwarded-For", client }, { "X-Forwarded-Proto", "https" } },
        };

    [Fact]
    public async Task Each_client_behind_the_proxy_has_its_own_sign_in_limit_and_gets_hsts()
    {
        await using var app = new ConfiguredKestrelApp(new Dictionary<string, string?>
        {
            ["Rekindle:BehindProxy"] = "true",
            ["Rekindle:AccountRequestsPerMinute"] = "2",
        });
        using var client = app.NewNetworkClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.SendAsync(SignIn("203.0.113.10"));
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
            Assert.Contains("max-age=", string.Join(",", allowed.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        }

        using (var limited = await client.SendAsync(SignIn("203.0.113.10")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        // Someone else, through the same proxy, is not held back by the first client's guessing.
        using var other = await client.SendAsync(SignIn("198.51.100.7"));
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_unless_the_app_is_told_it_is_behind_a_proxy()
    {
        await using var app = new ConfiguredKestrelApp(new Dictionary<string, string?> { ["Rekindle:AccountRequestsPerMinute"] = "2" });
        using var client = app.NewNetworkClient();
        using (var first = await client.SendAsync(SignIn("203.0.113.10")))
        {
            Assert.False(first.Headers.Contains("Strict-Transport-Security"), "A forged X-Forwarded-Proto turned on HSTS");
        }

        using (await client.SendAsync(SignIn("203.0.113.11")))
        {
        }

        // A forged X-Forwarded-For doesn't buy a fresh limit.
        using var third = await client.SendAsync(SignIn("203.0.113.12"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }
}
