using System.Net;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>The rate limiter's client key: one key per client, however it is addressed (issue 23, finding 11).</summary>
public sealed class ClientKeyTests
{
    [Theory]
    [InlineData("203.0.113.10", "203.0.113.10")]
    [InlineData("::ffff:203.0.113.10", "203.0.113.10")]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("2001:db8:7:8::1", "2001:db8:7:8::/64")]
    [InlineData("2001:db8:7:8:ffff:1:2:3", "2001:db8:7:8::/64")]
    [InlineData("2001:db8:7:9::1", "2001:db8:7:9::/64")]
    [InlineData("fe80::1%3", "fe80::/64")]
    public void Addresses_of_one_client_share_a_key(string address, string key) =>
        Assert.Equal(key, RateLimits.ClientKey(IPAddress.Parse(address)));

    [Fact]
    public void No_address_is_one_key() => Assert.Equal("unknown", RateLimits.ClientKey(null));
}
