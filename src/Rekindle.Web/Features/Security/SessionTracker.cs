using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Security;

public sealed record SessionView(Guid Id, string Device, DateTime CreatedAt, DateTime LastSeenAt, bool Current);

/// <summary>
/// Server-side sessions behind the sign-in cookie: each sign-in gets a row whose id rides in the cookie. A request
/// whose row is ended, idle too long or too old is signed out, and the PIN lock is decided, by <see cref="SessionValidator"/>.
/// </summary>
public sealed class SessionTracker(RekindleDbContext db, SignInManager<AppUser> signIn, TimeProvider clock)
{
    public const string SessionClaim = "rekindle:sid";

    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionClaim), out var id) ? id : null;

    /// <summary>Signs the user in on this browser with a new session row.</summary>
    public async Task SignInAsync(AppUser user, bool persistent)
    {
        var http = signIn.Context;
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(), UserId = user.Id, CreatedAt = now, LastSeenAt = now, Device = DeviceName.From(http.Request.Headers.UserAgent),
        };
        db.Add(session);
        await db.SaveChangesAsync(http.RequestAborted);
        // Signing in with the password gives the app PIN its tries back (they stay used up after too many wrong PINs).
        await db.Set<AppLock>().Where(l => l.UserId == user.Id && l.FailedAttempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.FailedAttempts, 0), http.RequestAborted);
        await signIn.SignInWithClaimsAsync(user, persistent, [new Claim(SessionClaim, session.Id.ToString())]);
    }

    /// <summary>Re-issues the cookie for the same session (after the security stamp changed, for example).</summary>
    public async Task RefreshAsync(AppUser user, ClaimsPrincipal current)
    {
        if (SessionId(current) is { } id)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionClaim, id.ToString())]);
        }
    }

    public async Task<IReadOnlyList<SessionView>> ListAsync(Guid userId, ClaimsPrincipal current, CancellationToken cancellationToken = default)
    {
        var currentId = SessionId(current);
        var rows = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null)
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync(cancellationToken);
        return rows.Select(s => new SessionView(s.Id, s.Device, s.CreatedAt, s.LastSeenAt, s.Id == currentId)).ToList();
    }

    /// <summary>Ends one of the user's own sessions. Another user's id ends nothing.</summary>
    public async Task<bool> EndAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken = default) =>
        await db.Set<UserSession>()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, clock.GetUtcNow().UtcDateTime), cancellationToken) > 0;

    /// <summary>Ends every session of the user except <paramref name="keep"/>.</summary>
    public async Task<int> EndAllAsync(Guid userId, Guid? keep, CancellationToken cancellationToken = default) =>
        await db.Set<UserSession>()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
}
