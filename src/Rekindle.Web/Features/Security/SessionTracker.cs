using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Security;

public sealed record SessionView(Guid Id, string Device, DateTime CreatedAt, DateTime LastSeenAt, bool Current);

/// <summary>
/// Server-side sessions behind the sign-in cookie: each sign-in gets a row whose id rides in the cookie. A request
/// whose row is ended, idle too long or too old is signed out; the PIN lock is decided here too.
/// </summary>
public sealed class SessionTracker(
    RekindleDbContext db,
    SignInManager<AppUser> signIn,
    IOptions<SessionLimits> options,
    TimeProvider clock,
    ILogger<SessionTracker> logger)
{
    public const string SessionClaim = "rekindle:sid";
    public const string LockedItem = "rekindle:locked";
    private const string LockMinutesItem = "rekindle:lock-minutes";

    /// <summary>
    /// The PIN lock's idle minutes as this request's session check read them: known is false when the check did
    /// not run (anonymous request); minutes is null when the user has no PIN.
    /// </summary>
    public static (bool Known, int? Minutes) LockMinutes(HttpContext context) =>
        context.Items.TryGetValue(LockMinutesItem, out var value) ? (true, (int?)value) : (false, null);

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

    private sealed record SessionCheck(DateTime CreatedAt, DateTime LastSeenAt, DateTime? EndedAt, DateTime? LockedAt, int? LockMinutes);

    /// <summary>
    /// What the check needs of the session row and the PIN lock's idle minutes (null without a PIN), in one round
    /// trip and untracked: every signed-in request runs it, and most change nothing. Compiled once.
    /// </summary>
    private static readonly CompiledPerModel<Func<RekindleDbContext, Guid, Guid, CancellationToken, Task<SessionCheck?>>> FindSession = new(() =>
        EF.CompileAsyncQuery((RekindleDbContext db, Guid id, Guid userId, CancellationToken _) => db.Set<UserSession>()
            .Where(s => s.Id == id && s.UserId == userId)
            .Select(s => new SessionCheck(s.CreatedAt, s.LastSeenAt, s.EndedAt, s.LockedAt,
                db.Set<AppLock>().Where(l => l.UserId == s.UserId).Select(l => (int?)l.IdleMinutes).FirstOrDefault()))
            .SingleOrDefault()));

    /// <summary>Runs on every authenticated request (cookie validation). Returns false when the session is over.</summary>
    public async Task<bool> ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        var userId = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var u) ? u : Guid.Empty;
        if (SessionId(principal) is not { } id)
        {
            return false;
        }

        var aborted = context.HttpContext.RequestAborted;
        var session = await FindSession.For(db)(db, id, userId, aborted);
        var now = clock.GetUtcNow().UtcDateTime;
        var limits = options.Value;
        if (session is null || session.EndedAt is not null)
        {
            return false;
        }

        context.HttpContext.Items[LockMinutesItem] = session.LockMinutes;

        // Built only when a write is due: most requests only read.
        IQueryable<UserSession> Row() => db.Set<UserSession>().Where(s => s.Id == id && s.EndedAt == null);
        if (now - session.CreatedAt > limits.AbsoluteTimeout || now - session.LastSeenAt > limits.IdleTimeout)
        {
            await Row().ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), aborted);
            logger.LogInformation("Session ended by timeout");
            return false;
        }

        // The PIN lock engages here after its idle minutes, or through PinLock (quick lock, page idle timer); the PIN clears it.
        var locks = session.LockMinutes is { } lockMinutes && session.LockedAt is null && now - session.LastSeenAt > TimeSpan.FromMinutes(lockMinutes);
        if (session.LockMinutes is not null && (locks || session.LockedAt is not null))
        {
            context.HttpContext.Items[LockedItem] = true;
            if (locks)
            {
                await Row().ExecuteUpdateAsync(s => s.SetProperty(x => x.LockedAt, now), aborted);
            }
        }
        else if (now - session.LastSeenAt > limits.TouchEvery)
        {
            // Touched at most once per TouchEvery.
            await Row().ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), aborted);
        }

        return true;
    }
}
