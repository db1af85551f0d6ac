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
    private const string FactsItem = "rekindle:session-facts";

    /// <summary>
    /// What this request's session check read for the layout: null when the check did not run (anonymous request).
    /// </summary>
    public static SessionFacts? Facts(HttpContext context) =>
        context.Items.TryGetValue(FactsItem, out var value) ? value as SessionFacts : null;

    private sealed record SessionCheck(DateTime CreatedAt, DateTime LastSeenAt, DateTime? EndedAt, DateTime? LockedAt, int? LockMinutes, bool NoContactActive);

    /// <summary>
    /// What the check needs of the session row, with the PIN lock's idle minutes (null without a PIN) and whether no
    /// contact is on, which every page's layout shows: one round trip, untracked, as every signed-in request runs it
    /// and most change nothing. Compiled once.
    /// </summary>
    private static readonly CompiledPerModel<Func<RekindleDbContext, Guid, Guid, CancellationToken, Task<SessionCheck?>>> FindSession = new(() =>
        EF.CompileAsyncQuery((RekindleDbContext db, Guid id, Guid userId, CancellationToken _) => db.Set<UserSession>()
            .Where(s => s.Id == id && s.UserId == userId)
            .Select(s => new SessionCheck(s.CreatedAt, s.LastSeenAt, s.EndedAt, s.LockedAt,
                db.Set<AppLock>().Where(l => l.UserId == s.UserId).Select(l => (int?)l.IdleMinutes).FirstOrDefault(),
                db.Profiles.Any(p => p.UserId == s.UserId && p.NoContactStartedOn != null)))
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

        context.HttpContext.Items[FactsItem] = new SessionFacts(session.LockMinutes, session.NoContactActive);

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

/// <summary>What the session check read that the layout shows: the PIN lock's idle minutes (null without a PIN) and whether no contact is on.</summary>
public sealed record SessionFacts(int? LockMinutes, bool NoContactActive);
