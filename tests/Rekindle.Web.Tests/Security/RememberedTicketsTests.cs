using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>The sign-in cookie's decrypted tickets, remembered per instance (RememberedTickets).</summary>
public sealed class RememberedTicketsTests : IDisposable
{
    /// <summary>The real ticket format, counting how often it is asked to decrypt.</summary>
    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Decryptions { get; private set; }

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Decryptions++;
            return inner.Unprotect(protectedText, purpose);
        }
    }

    // A key ring of this test's own (xunit makes an instance per test), so revoking it touches no other test.
    private readonly ServiceProvider dataProtection = new ServiceCollection()
        .AddDataProtection()
        .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetTempPath(), "rekindle-tests", $"keys-{Guid.NewGuid():N}")))
        .Services.BuildServiceProvider();

    private TicketDataFormat Format => new(dataProtection.GetRequiredService<IDataProtectionProvider>().CreateProtector("tickets"));

    private IKeyManager Keys => dataProtection.GetRequiredService<IKeyManager>();

    private static AuthenticationTicket Ticket(string userId) => new(
        new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, userId), new("rekindle:session", Guid.NewGuid().ToString())], IdentityConstants.ApplicationScheme)),
        new AuthenticationProperties { IssuedUtc = DateTimeOffset.UnixEpoch, ExpiresUtc = DateTimeOffset.UnixEpoch.AddDays(14) },
        IdentityConstants.ApplicationScheme);

    [Fact]
    public void A_cookie_is_decrypted_once_and_every_request_gets_a_copy_of_its_own()
    {
        var format = new CountingFormat(Format);
        using var remembered = new RememberedTickets(format, Keys);
        var cookie = format.Protect(Ticket("user-a"));

        // The first read decrypts; the next ones are remembered. Each request changes what it was given.
        var reads = new List<AuthenticationTicket>();
        for (var request = 0; request < 3; request++)
        {
            var ticket = remembered.Unprotect(cookie)!;
            reads.Add(ticket);
            ((ClaimsIdentity)ticket.Principal.Identity!).AddClaim(new Claim("changed-by", $"request {request}"));
            ticket.Properties.Items["changed"] = "yes";
        }

        var next = remembered.Unprotect(cookie)!;
        Assert.Equal(1, format.Decryptions);
        Assert.Equal("user-a", next.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Null(next.Principal.FindFirst("changed-by"));
        Assert.False(next.Properties.Items.ContainsKey("changed"));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(14), next.Properties.ExpiresUtc);
        Assert.All(reads, read => Assert.NotSame(read.Principal.Identity, next.Principal.Identity));
    }

    [Fact]
    public void Each_cookie_answers_with_its_own_ticket()
    {
        using var remembered = new RememberedTickets(Format, Keys);
        var cookieA = Format.Protect(Ticket("user-a"));
        var cookieB = Format.Protect(Ticket("user-b"));

        Assert.Equal("user-a", remembered.Unprotect(cookieA)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("user-b", remembered.Unprotect(cookieB)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("user-a", remembered.Unprotect(cookieA)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public void A_cookie_that_does_not_decrypt_is_refused_every_time_and_never_remembered()
    {
        var format = new CountingFormat(Format);
        using var remembered = new RememberedTickets(format, Keys);
        var cookie = format.Protect(Ticket("user-a"));
        var tampered = cookie[..^4] + (cookie[^4] == 'A' ? 'B' : 'A') + cookie[^3..];

        Assert.Null(remembered.Unprotect(tampered));
        Assert.Null(remembered.Unprotect(tampered));
        Assert.Null(remembered.Unprotect(string.Empty));
        Assert.Null(remembered.Unprotect(new string('A', 20_000)));

        Assert.Equal(4, format.Decryptions);
    }

    [Fact]
    public void Revoking_the_keys_forgets_every_remembered_cookie_and_keeps_nothing_read_before_the_ring_reloads()
    {
        var format = new CountingFormat(Format);
        using var remembered = new RememberedTickets(format, Keys);
        var cookie = format.Protect(Ticket("user-a"));
        Assert.NotNull(remembered.Unprotect(cookie));
        Assert.NotNull(remembered.Unprotect(cookie));
        Assert.Equal(1, format.Decryptions);

        Keys.RevokeAllKeys(DateTimeOffset.UtcNow.AddMinutes(1), "a test of revocation");

        // Data Protection may still decrypt with the old ring for a moment while it reloads: every read decrypts
        // again, and once the ring has reloaded the cookie is refused.
        AuthenticationTicket? ticket;
        var reads = 1;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            ticket = remembered.Unprotect(cookie);
            Assert.Equal(++reads, format.Decryptions);
            Thread.Sleep(ticket is null ? 0 : 50);
        }
        while (ticket is not null && DateTime.UtcNow < deadline);

        Assert.Null(ticket);
        Assert.Null(remembered.Unprotect(cookie));
    }

    [Fact]
    public void A_key_added_only_empties_the_cache_but_a_key_revoked_stops_it_storing_for_a_while()
    {
        using var cache = new KeyRingBoundCache(Keys, capacity: 10, sliding: TimeSpan.FromMinutes(5), absolute: TimeSpan.FromMinutes(15));
        cache.Set("before", "value");
        Assert.True(cache.TryGet("before", out string? _));

        Keys.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        Assert.False(cache.TryGet("before", out string? _));
        cache.Set("after a new key", "value");
        Assert.True(cache.TryGet("after a new key", out string? _));

        Keys.RevokeAllKeys(DateTimeOffset.UtcNow.AddMinutes(1), "a test of revocation");
        Assert.False(cache.TryGet("after a new key", out string? _));
        cache.Set("after a revocation", "value");
        Assert.False(cache.TryGet("after a revocation", out string? _));
    }

    [Fact]
    public void A_purpose_other_than_the_cookies_own_is_never_remembered()
    {
        var format = new CountingFormat(Format);
        using var remembered = new RememberedTickets(format, Keys);
        var cookie = format.Protect(Ticket("user-a"), "other purpose");

        Assert.NotNull(remembered.Unprotect(cookie, "other purpose"));
        Assert.NotNull(remembered.Unprotect(cookie, "other purpose"));

        Assert.Equal(2, format.Decryptions);
    }

    public void Dispose() => dataProtection.Dispose();
}

/// <summary>The app's sign-in cookie goes through RememberedTickets, and what it remembers still expires.</summary>
public sealed class RememberedSignInTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void The_sign_in_cookie_is_read_through_the_remembered_format()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        Assert.IsType<RememberedTickets>(options.Get(IdentityConstants.ApplicationScheme).TicketDataFormat);
    }

    [Fact]
    public async Task A_remembered_sign_in_still_ends_when_its_cookie_expires()
    {
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(Emails.New("remembered"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).Status);

        // The cookie lasts 14 days from its last renewal (the session 60 days here): 13 days on it is still good and
        // is renewed, 15 days after that it is not, however often it was read before.
        app.Clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).Status);
        app.Clock.Advance(TimeSpan.FromDays(15));

        var page = await browser.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/account/login", page.Location, StringComparison.Ordinal);
    }
}
