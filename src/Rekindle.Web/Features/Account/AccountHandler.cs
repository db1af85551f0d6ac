using Microsoft.AspNetCore.Identity;
using Rekindle.Core.Time;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Account;

public sealed class RegisterInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }

    /// <summary>Filled in by the browser (IANA id); the user can change it later.</summary>
    public string? TimeZoneId { get; set; }
}

public sealed class SignInInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
}

public enum SignInStatus { SignedIn, Failed, LockedOut }

/// <summary>Creating accounts and signing in, shared by the pages and /api/v1/auth.</summary>
public sealed class AccountHandler(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    RekindleDbContext db,
    TimeProvider clock,
    UserCipher cipher,
    Security.SessionTracker sessions,
    Security.PasswordAttempts attempts,
    UnknownAddressAttempts unknownAddresses,
    CrisisDirectory crisis,
    ILogger<AccountHandler> logger)
{
    public const int MaxEmailLength = 254;

    public async Task<FieldErrors> RegisterAsync(RegisterInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var email = input.Email?.Trim() ?? string.Empty;
        if (email.Length == 0 || email.Length > MaxEmailLength || !System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Contains(' ', StringComparison.Ordinal) || email.Any(char.IsControl))
        {
            errors.Add(nameof(input.Email), "Enter an email address like name@example.com.");
        }

        var password = input.Password ?? string.Empty;
        if (password.Length < CommonPasswordValidator.MinimumLength)
        {
            errors.Add(nameof(input.Password), $"Use at least {CommonPasswordValidator.MinimumLength} characters. A short phrase works well.");
        }

        if (errors.Any)
        {
            return errors;
        }

        var user = new AppUser { UserName = email, Email = email, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(input.Password) : nameof(input.Email);
                var message = error.Code is "DuplicateEmail" or "DuplicateUserName"
                    ? "There is already an account with this email. Sign in instead."
                    : error.Description;
                if (error.Code != "DuplicateUserName" || !result.Errors.Any(e => e.Code == "DuplicateEmail"))
                {
                    errors.Add(field, message);
                }
            }

            return errors;
        }

        // The crisis country starts as a guess from the browser's zone and language (Situation lets them change it).
        var acceptLanguage = signIn.Context.Request.Headers.AcceptLanguage.ToString();
        db.Profiles.Add(new UserProfile
        {
            UserId = user.Id,
            TimeZoneId = LocalCalendar.TryFindZone(input.TimeZoneId, out var zone) ? zone.Id : "Etc/UTC",
            CountryCode = crisis.Guess(zone == TimeZoneInfo.Utc ? input.TimeZoneId : zone.Id, acceptLanguage),
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await cipher.EnsureKeyAsync(user.Id, cancellationToken);
        logger.LogInformation("Account {UserId} created", user.Id);
        await sessions.SignInAsync(user, persistent: false);
        return errors;
    }

    public async Task<SignInStatus> SignInAsync(SignInInput input)
    {
        var email = input.Email?.Trim() ?? string.Empty;
        var password = input.Password ?? string.Empty;
        if (email.Length is 0 or > MaxEmailLength || email.Any(char.IsControl) || password.Length is 0 or > CommonPasswordValidator.MaximumLength)
        {
            return SignInStatus.Failed;
        }

        // Security events say who and from where (the account's id, never the email or password).
        var user = await users.FindByEmailAsync(email);
        var client = signIn.Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (user is null)
        {
            // Same work and the same answers as a wrong password (the lockout included), so neither the answer nor
            // its timing reveals which emails have accounts.
            attempts.SpendCheckTime(password);
            if (unknownAddresses.IsLockedOut(email) || unknownAddresses.Fail(email))
            {
                logger.LogWarning("Sign-in refused: no such account, answered as locked out, from {Client}", client);
                return SignInStatus.LockedOut;
            }

            logger.LogWarning("Sign-in failed: no such account, from {Client}", client);
            return SignInStatus.Failed;
        }

        // Checks the password with lockout (counted atomically, see PasswordAttempts), then signs in with a
        // server-side session (see SessionTracker).
        var check = await attempts.CheckAsync(user, password);
        if (check == Security.PasswordCheck.Right)
        {
            await sessions.SignInAsync(user, input.RememberMe);
            logger.LogInformation("Sign-in succeeded for {UserId} from {Client}", user.Id, client);
            return SignInStatus.SignedIn;
        }

        if (check == Security.PasswordCheck.LockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserId} locked out, from {Client}", user.Id, client);
            return SignInStatus.LockedOut;
        }

        logger.LogWarning("Sign-in failed: wrong password for {UserId}, from {Client}", user.Id, client);
        return SignInStatus.Failed;
    }

    public async Task SignOutAsync()
    {
        var principal = signIn.Context.User;
        if (Guid.TryParse(users.GetUserId(principal), out var userId) && Security.SessionTracker.SessionId(principal) is { } sessionId)
        {
            await sessions.EndAsync(userId, sessionId);
        }

        await signIn.SignOutAsync();
    }

    /// <summary>
    /// Ends every other session: their rows end, and a new security stamp invalidates every cookie issued before
    /// it. This browser keeps its session with a fresh cookie.
    /// </summary>
    public async Task SignOutEverywhereAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such user.");
        var current = signIn.Context.User;
        await sessions.EndAllAsync(userId, Security.SessionTracker.SessionId(current));
        await users.UpdateSecurityStampAsync(user);
        await sessions.RefreshAsync(user, current);
        logger.LogInformation("Signed out everywhere");
    }

    /// <summary>
    /// Erases the account after checking the password: every row cascades away with the user, including
    /// the user's data key, so their text in any backup can no longer be read. The check counts toward the same
    /// lockout as signing in, and a locked-out account can't be deleted. On SQLite the deleted rows are
    /// overwritten (secure_delete) and the write-ahead log emptied, so the files keep no trace of them.
    /// </summary>
    public async Task<FieldErrors> DeleteAccountAsync(Guid userId, string? password)
    {
        var errors = new FieldErrors();
        var user = await users.FindByIdAsync(userId.ToString());
        var check = user is null ? Security.PasswordCheck.Wrong : await attempts.CheckAsync(user, password);
        if (user is null || check != Security.PasswordCheck.Right)
        {
            var lockedOut = check == Security.PasswordCheck.LockedOut;
            errors.Add("Password", lockedOut
                ? "Too many wrong passwords. Wait 15 minutes, then try again. Your account was not deleted."
                : "That password isn't right. Your account was not deleted.");
            logger.LogWarning("Account deletion refused for {UserId}: {Reason}", userId, lockedOut ? "locked out" : "wrong password");
            return errors;
        }

        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            errors.Add(string.Empty, "Your account couldn't be deleted just now. Nothing was removed; try again.");
            return errors;
        }

        await signIn.SignOutAsync();
        // secure_delete zeroed the rows in the database file; the checkpoint clears the copies in the SQLite log.
        await Database.CheckpointAsync(db);
        logger.LogInformation("Account {UserId} deleted", userId);
        return errors;
    }
}
