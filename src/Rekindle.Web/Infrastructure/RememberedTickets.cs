using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// Remembers, for a few minutes, what a sign-in cookie this instance has already decrypted holds, so a browser's
/// next requests with the same cookie skip the decryption and the ticket's parsing.
/// </summary>
/// <remarks>
/// Only a cookie that decrypted is ever stored, under its SHA-256. What is returned is a copy, so a request that
/// changes its principal changes nobody else's. Nothing else changes: the cookie handler still checks the ticket's
/// expiry, every request still checks the session in the database (signing out, signing out everywhere and the PIN
/// lock take effect at once, on every instance), and a key revoked on this instance empties the cache. A key revoked
/// on another instance reaches this one when Data Protection reloads its key ring (every 24 hours by default), which
/// bounds what it decrypts anyway; the entries themselves last 15 minutes at most.
/// </remarks>
public sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner, IKeyManager keys) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    /// <summary>Entries an instance keeps at most (about 3 KB each): one per signed-in browser seen in the last few minutes.</summary>
    public const int Capacity = 10_000;

    /// <summary>A cookie in use is re-issued by Identity after five minutes, so longer would rarely be read.</summary>
    private readonly KeyRingBoundCache decrypted = new(keys, Capacity, sliding: TimeSpan.FromMinutes(5), absolute: TimeSpan.FromMinutes(15));

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // Cookies are read without a purpose; anything else, and anything no browser would send, goes straight through.
        if (purpose is not null || protectedText is not { Length: > 0 and <= 16_384 })
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var key = KeyRingBoundCache.KeyFor(protectedText);
        if (decrypted.TryGet(key, out AuthenticationTicket? known))
        {
            return known!.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            decrypted.Set(key, ticket.Clone());
        }

        return ticket;
    }

    public void Dispose() => decrypted.Dispose();
}

/// <summary>Wraps the sign-in cookie's ticket format once the cookie handler's own set-up has created it.</summary>
public sealed class RememberSignInTickets(IKeyManager keys) : IPostConfigureOptions<CookieAuthenticationOptions>, IDisposable
{
    private RememberedTickets? remembered;

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is not RememberedTickets)
        {
            remembered = new RememberedTickets(options.TicketDataFormat, keys);
            options.TicketDataFormat = remembered;
        }
    }

    public void Dispose() => remembered?.Dispose();
}
