using System.Net;
using System.Net.Http.Json;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>
/// Every account endpoint is rate limited per client (issue 23, findings 2 and 9), and the client is its
/// normalized address (finding 11): loopback addresses are one client, an IPv4-mapped IPv6 address is its IPv4
/// address, and IPv6 addresses count by their /64.
/// </summary>
public sealed class AccountLimitTests
{
    private const string Password = "lantern orchard velvet";
    private const int PerMinute = 4;

    public static TheoryData<string, string, string> SignedInEndpoints => new()
    {
        // page to read the token from, where to post, the fields (name=value&...)
        { "/settings/security", "/settings/security?handler=Password", "Password.CurrentPassword=wrong guess&Password.NewPassword=another calm phrase" },
        { "/settings/security", "/settings/security?handler=Email", "Email.Password=wrong guess&Email.NewEmail=someone@example.test" },
        { "/settings/security", "/settings/security?handler=Pin", "Pin.Password=wrong guess&Pin.Pin=2468&Pin.IdleMinutes=5" },
        { "/settings/security", "/settings/security?handler=RemovePin", "Pin.Password=wrong guess" },
        { "/settings", "/settings?handler=Delete", "deletePassword=wrong guess" },
        { "/settings", "/api/v1/account/delete", "json" },
        { "/lock", "/lock", "Pin=0000" },
    };

    [Theory]
    [MemberData(nameof(SignedInEndpoints))]
    public async Task Each_account_endpoint_answers_429_past_the_limit(string page, string action, string fields)
    {
        await using var app = new ConfiguredSqliteApp(new Dictionary<string, string?> { ["Rekindle:AccountRequestsPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("limits"));
        if (page == "/lock")
        {
            Assert.Equal("/settings/security", (await browser.SubmitAsync("/settings/security", new Dictionary<string, string> { ["Pin.Pin"] = "2468", ["Pin.IdleMinutes"] = "5", ["Pin.Password"] = Password }, "/settings/security?handler=Pin")).Location);
        }

        var token = (await browser.GetAsync(page)).AntiforgeryToken();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PerMinute + 1; i++)
        {
            var response = fields == "json"
                ? await browser.Client.PostAsJsonAsync(action, new { password = "wrong guess" })
                : (await browser.PostAsync(action, fields.Split('&').Select(f => f.Split('=', 2)).Select(f => new KeyValuePair<string, string>(f[0], f[1])), token)).Response;
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After is {response.Headers.RetryAfter}");
                return;
            }
        }

        Assert.Fail($"POST {action} was never limited: {string.Join(", ", statuses.Select(s => (int)s))}");
    }

    private static HttpRequestMessage SignIn(string client) =>
        new(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = "nobody@example.test", password = "not the password" }),
            Headers = { { "X-Forwarded-For", client } },
        };

    [Theory]
    [InlineData("203.0.113.10", "::ffff:203.0.113.10")]
    [InlineData("2001:db8:7:8::1", "2001:db8:7:8:ffff:1:2:3")]
    [InlineData("127.0.0.1", "::1")]
    public async Task Two_addresses_of_one_client_share_one_limit(string first, string second)
    {
        await using var app = new ConfiguredKestrelApp(new Dictionary<string, string?>
        {
            ["Rekindle:BehindProxy"] = "true",
            ["Rekindle:AccountRequestsPerMinute"] = "2",
        });
        using var client = app.NewNetworkClient();
        using (var one = await client.SendAsync(SignIn(first)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, one.StatusCode);
        }

        using (var two = await client.SendAsync(SignIn(second)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, two.StatusCode);
        }

        using (var three = await client.SendAsync(SignIn(first)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, three.StatusCode);
        }

        using var four = await client.SendAsync(SignIn(second));
        Assert.Equal(HttpStatusCode.TooManyRequests, four.StatusCode);
    }

    [Fact]
    public async Task Other_ipv6_networks_keep_their_own_limit()
    {
        await using var app = new ConfiguredKestrelApp(new Dictionary<string, string?>
        {
            ["Rekindle:BehindProxy"] = "true",
            ["Rekindle:AccountRequestsPerMinute"] = "1",
        });
        using var client = app.NewNetworkClient();
        using (var one = await client.SendAsync(SignIn("2001:db8:7:8::1")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, one.StatusCode);
        }

        using var other = await client.SendAsync(SignIn("2001:db8:7:9::1"));
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }
}
