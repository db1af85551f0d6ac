using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;

namespace Rekindle.Web.Features.Security;

public sealed class PinInput
{
    public string? Password { get; set; }
    public string? Pin { get; set; }
    public int? IdleMinutes { get; set; }
}

public enum UnlockResult { Unlocked, Wrong, SignedOut }

/// <summary>The optional app PIN, asked for after the app sat idle. Setting or removing it needs the account password.</summary>
public sealed class PinLock(RekindleDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, SessionTracker sessions, PasswordAttempts attempts, TimeProvider clock, ILogger<PinLock> logger)
{
    public const int MinIdleMinutes = 2;
    public const int MaxIdleMinutes = 60;
    public const int DefaultIdleMinutes = 5;
    public const int MaxAttempts = 5;

    private static readonly PasswordHasher<AppLock> Hasher = new();

    public async Task<AppLock?> FindAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.Set<AppLock>().AsNoTracking().SingleOrDefaultAsync(l => l.UserId == userId, cancellationToken);

    public async Task<FieldErrors> SetAsync(Guid userId, PinInput input, FieldErrors? bindingErrors = null, CancellationToken cancellationToken = default)
    {
        var errors = bindingErrors ?? new FieldErrors();
        var pin = input.Pin?.Trim() ?? "";
        if (pin.Length is < 4 or > 8 || !pin.All(char.IsAsciiDigit))
        {
            errors.Add(nameof(input.Pin), "A PIN is 4 to 8 digits.");
        }

        var idle = input.IdleMinutes ?? DefaultIdleMinutes;
        if (idle is < MinIdleMinutes or > MaxIdleMinutes && !errors.Fields.Contains(nameof(input.IdleMinutes)))
        {
            errors.Add(nameof(input.IdleMinutes), $"Choose between {MinIdleMinutes} and {MaxIdleMinutes} minutes.");
        }

        var check = await CheckPasswordAsync(userId, input.Password);
        if (check != PasswordCheck.Right)
        {
            errors.Add(nameof(input.Password), PasswordAttempts.Refusal(check));
        }

        if (errors.Any)
        {
            return errors;
        }

        var row = await db.Set<AppLock>().SingleOrDefaultAsync(l => l.UserId == userId, cancellationToken);
        if (row is null)
        {
            row = new AppLock { UserId = userId };
            db.Add(row);
        }

        row.PinHash = Hasher.HashPassword(row, pin);
        row.IdleMinutes = idle;
        row.FailedAttempts = 0;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("App PIN set");
        return errors;
    }

    public async Task<FieldErrors> RemoveAsync(Guid userId, string? password, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var check = await CheckPasswordAsync(userId, password);
        if (check != PasswordCheck.Right)
        {
            errors.Add(nameof(PinInput.Password), PasswordAttempts.Refusal(check));
            return errors;
        }

        await db.Set<AppLock>().Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("App PIN removed");
        return errors;
    }

    /// <summary>Locks this session now (the quick lock, or the idle timer in the page).</summary>
    public async Task LockAsync(Guid userId, ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (SessionTracker.SessionId(principal) is { } id && await FindAsync(userId, cancellationToken) is not null)
        {
            await db.Set<UserSession>().Where(s => s.Id == id && s.UserId == userId && s.LockedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LockedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        }
    }

    /// <summary>
    /// Checks a PIN. The guess is counted before the PIN is looked at, in one UPDATE that both counts and decides
    /// (<c>FailedAttempts = FailedAttempts + 1 WHERE FailedAttempts &lt; MaxAttempts</c>), so guesses sent in parallel
    /// check no more PINs than the limit. Past the limit the session ends, and the count stays used up until the
    /// owner signs in again with their password (or sets a new PIN).
    /// </summary>
    public async Task<UnlockResult> UnlockAsync(Guid userId, ClaimsPrincipal principal, string? pin, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<AppLock>().AsNoTracking().SingleOrDefaultAsync(l => l.UserId == userId, cancellationToken);
        var sessionId = SessionTracker.SessionId(principal);
        if (row is null || sessionId is null)
        {
            return UnlockResult.Unlocked;
        }

        var counted = await db.Set<AppLock>().Where(l => l.UserId == userId && l.FailedAttempts < MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.FailedAttempts, l => l.FailedAttempts + 1), cancellationToken);
        if (counted == 0)
        {
            return await EndSessionAsync(userId, sessionId.Value, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!string.IsNullOrEmpty(pin) && pin.Length <= 8 && Hasher.VerifyHashedPassword(row, row.PinHash, pin) != PasswordVerificationResult.Failed)
        {
            await db.Set<AppLock>().Where(l => l.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(l => l.FailedAttempts, 0), cancellationToken);
            await db.Set<UserSession>().Where(s => s.Id == sessionId && s.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LockedAt, (DateTime?)null).SetProperty(x => x.LastSeenAt, now), cancellationToken);
            return UnlockResult.Unlocked;
        }

        logger.LogWarning("App PIN refused");
        var failures = await db.Set<AppLock>().AsNoTracking().Where(l => l.UserId == userId).Select(l => l.FailedAttempts).SingleOrDefaultAsync(cancellationToken);
        return failures < MaxAttempts ? UnlockResult.Wrong : await EndSessionAsync(userId, sessionId.Value, cancellationToken);
    }

    /// <summary>Too many guesses: this session ends; the owner signs in again with their password.</summary>
    private async Task<UnlockResult> EndSessionAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(userId, sessionId, cancellationToken);
        await signIn.SignOutAsync();
        logger.LogWarning("Session ended after repeated wrong PINs");
        return UnlockResult.SignedOut;
    }

    /// <summary>Counts towards the sign-in lockout, so re-authentication can't be used to guess the password.</summary>
    private async Task<PasswordCheck> CheckPasswordAsync(Guid userId, string? password) =>
        await users.FindByIdAsync(userId.ToString()) is { } user ? await attempts.CheckAsync(user, password) : PasswordCheck.Wrong;
}
