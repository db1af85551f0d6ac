using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Security;

public enum PasswordCheck { Right, Wrong, LockedOut }

/// <summary>
/// Every check of an account password (sign-in, re-authentication, deleting the account) goes through here and
/// counts toward one lockout. The count is taken before the password is looked at, in one database UPDATE that
/// both counts and decides (<c>... SET AccessFailedCount = AccessFailedCount + 1 WHERE AccessFailedCount &lt; limit</c>),
/// so guesses sent in parallel check no more passwords than the limit allows. The attempt that reaches the limit
/// sets the lockout in the same statement; a right password clears both.
/// </summary>
public sealed class PasswordAttempts(RekindleDbContext db, IPasswordHasher<AppUser> hasher, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    /// <summary>A hash of a random password, checked when nothing else is, so that every answer costs the same.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    public const string LockedOutMessage = "Too many wrong passwords. Wait 15 minutes, then try again. Nothing was changed.";

    public const string WrongMessage = "That password isn't right. Nothing was changed.";

    /// <summary>What to say beside the password field when a check did not pass.</summary>
    public static string Refusal(PasswordCheck check, string wrongMessage = WrongMessage) =>
        check == PasswordCheck.LockedOut ? LockedOutMessage : wrongMessage;

    private int Limit => identity.Value.Lockout.MaxFailedAccessAttempts;

    /// <summary>The same password-hash work as a real check, for answers that must not be told apart by timing.</summary>
    public void SpendCheckTime(string? password) =>
        hasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password ?? string.Empty);

    public async Task<PasswordCheck> CheckAsync(AppUser user, string? password, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var state = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new { u.AccessFailedCount, u.LockoutEnd, u.PasswordHash })
            .SingleOrDefaultAsync(cancellationToken);
        if (state is null || string.IsNullOrEmpty(password) || password.Length > Infrastructure.CommonPasswordValidator.MaximumLength)
        {
            SpendCheckTime(password);
            return state is not null && state.AccessFailedCount >= Limit && state.LockoutEnd > now ? PasswordCheck.LockedOut : PasswordCheck.Wrong;
        }

        if (state.AccessFailedCount >= Limit)
        {
            if (state.LockoutEnd > now)
            {
                SpendCheckTime(password);
                return PasswordCheck.LockedOut;
            }

            // The lockout has run out: start counting again (once, however many requests see it at the same time).
            var seen = state.LockoutEnd;
            await db.Users.Where(u => u.Id == user.Id && u.AccessFailedCount >= Limit && u.LockoutEnd == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null), cancellationToken);
        }

        var until = (DateTimeOffset?)now.Add(identity.Value.Lockout.DefaultLockoutTimeSpan);
        var limit = Limit;
        var counted = await db.Users.Where(u => u.Id == user.Id && u.AccessFailedCount < limit)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LockoutEnd, u => u.AccessFailedCount + 1 >= limit ? until : u.LockoutEnd)
                .SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), cancellationToken);
        if (counted == 0)
        {
            SpendCheckTime(password);
            return PasswordCheck.LockedOut;
        }

        if (state.PasswordHash is not null && hasher.VerifyHashedPassword(user, state.PasswordHash, password) != PasswordVerificationResult.Failed)
        {
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null), cancellationToken);
            // The caller's copy (Identity may save it later) must not write the old count back.
            user.AccessFailedCount = 0;
            user.LockoutEnd = null;
            return PasswordCheck.Right;
        }

        var failures = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync(cancellationToken);
        return failures >= limit ? PasswordCheck.LockedOut : PasswordCheck.Wrong;
    }
}
