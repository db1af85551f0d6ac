using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// Gives a signed-in page the form token already issued to the same browser and user instead of encrypting a new
/// one for every page (every page has at least the sign-out form). A form token stays valid for as long as the
/// antiforgery cookie and the user it names do, whichever copy of it comes back, so handing out the same one accepts
/// nothing the check would otherwise refuse. It saves decrypting the cookie and encrypting a new token.
/// </summary>
/// <remarks>
/// Keyed by the antiforgery cookie exactly as the browser sent it and by what the token binds the user with (the
/// identity's authentication type, and the name identifier's value and issuer). Only a token built on the cookie
/// the request brought is kept, which happens only when that cookie decrypted; a cookie the app did not issue is
/// replaced by the inner service and never reaches the cache. Validation is the inner service's; a refused form
/// forgets the browser's token, so the page that says so carries a fresh one (after a key was revoked elsewhere,
/// say). A token that repeats across pages would help a compression side channel (BREACH), which needs compressed
/// pages and a way to make the browser fetch them signed in many times: the app compresses only its static files
/// (StaticFileCaching), never a page, docs/deploy.md
/// keeps nginx from compressing pages, and the sign-in cookie is SameSite=Lax, so another site cannot fetch
/// signed-in pages in the background.
/// </remarks>
public sealed class ReusingAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options, IKeyManager keys) : IAntiforgery, IDisposable
{
    /// <summary>Entries an instance keeps at most (about 0.7 KB each): one per signed-in browser seen in the last few minutes.</summary>
    public const int Capacity = 10_000;

    private readonly KeyRingBoundCache issued = new(keys, Capacity, sliding: TimeSpan.FromMinutes(10), absolute: TimeSpan.FromHours(1));
    private readonly AntiforgeryOptions settings = options.Value;

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        var key = KeyFor(httpContext);
        if (key is not null && issued.TryGet(key, out string? requestToken))
        {
            if (!httpContext.Response.HasStarted)
            {
                // What the inner service does for every page that carries a token.
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }

            return new AntiforgeryTokenSet(requestToken, null, settings.FormFieldName, settings.HeaderName);
        }

        var tokens = inner.GetAndStoreTokens(httpContext);
        // A cookie token in the answer means the request's cookie was missing or did not decrypt.
        if (key is not null && tokens.CookieToken is null && tokens.RequestToken is not null)
        {
            issued.Set(key, tokens.RequestToken);
        }

        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public async Task<bool> IsRequestValidAsync(HttpContext httpContext)
    {
        var valid = await inner.IsRequestValidAsync(httpContext);
        if (!valid)
        {
            Forget(httpContext);
        }

        return valid;
    }

    public async Task ValidateRequestAsync(HttpContext httpContext)
    {
        try
        {
            await inner.ValidateRequestAsync(httpContext);
        }
        catch (AntiforgeryValidationException)
        {
            Forget(httpContext);
            throw;
        }
    }

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => issued.Dispose();

    private void Forget(HttpContext httpContext)
    {
        if (KeyFor(httpContext) is { } key)
        {
            issued.Remove(key);
        }
    }

    /// <summary>Null when the token is not worth keeping: no cookie yet, an oversized one, or nobody signed in.</summary>
    private string? KeyFor(HttpContext httpContext)
    {
        if (httpContext.User.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || identity.FindFirst(ClaimTypes.NameIdentifier) is not { } user
            || settings.Cookie.Name is not { } cookieName
            || httpContext.Request.Cookies[cookieName] is not { Length: > 0 and <= 1024 } cookie)
        {
            return null;
        }

        return KeyRingBoundCache.KeyFor(string.Join('\n', identity.AuthenticationType, user.Issuer, user.Value, cookie));
    }
}

public static class ReusingAntiforgeryRegistration
{
    /// <summary>Wraps the antiforgery service registered so far; call after AddAntiforgery.</summary>
    public static IServiceCollection ReuseFormTokens(this IServiceCollection services)
    {
        var registered = services.Last(s => s.ServiceType == typeof(IAntiforgery));
        var implementation = registered.ImplementationType
            ?? throw new InvalidOperationException("The antiforgery service is expected to be registered by type.");
        services.Remove(registered);
        services.AddSingleton<IAntiforgery>(provider => new ReusingAntiforgery(
            (IAntiforgery)ActivatorUtilities.CreateInstance(provider, implementation),
            provider.GetRequiredService<IOptions<AntiforgeryOptions>>(),
            provider.GetRequiredService<IKeyManager>()));
        return services;
    }
}
