using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Security;

/// <summary>
/// The session check every signed-in request runs (see <see cref="SessionTracker"/>). Kept apart from signing in
/// so the check resolves only what it reads with, not Identity's sign-in and user managers and their dependencies.
/// </summary>
public sealed class SessionValidator(RekindleDbContext db, IOptions<SessionLimits> options, TimeProvider clock, ILogger<SessionValidator> logger)
{
    public const string LockedItem = "rekindle:locked";
    private const string LockMinutesItem = "rekindle:lock-minutes";

    /// <summary>
    /// The PIN lock's idle minutes as this request's session check read them: known is false when the check did
    /// not run (anonymous request); minutes is null when the user has no PIN.
    /// </summary>
    public static (bool Known, int? Minutes) LockMinutes(HttpContext context) =>
        context.Items.TryGetValue(LockMinutesItem, out var value) ? (true, (int?)value) : (false, null);

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
        if (SessionTracker.SessionId(principal) is not { } id)
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
