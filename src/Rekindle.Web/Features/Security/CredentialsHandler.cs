using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Security;

public sealed class ChangePasswordInput
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}

public sealed class ChangeEmailInput
{
    public string? Password { get; set; }
    public string? NewEmail { get; set; }
}

/// <summary>Changing the password or the email: both ask for the current password first, then end every other session.</summary>
public sealed class CredentialsHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, SessionTracker sessions, PasswordAttempts attempts,
    UnknownAddressAttempts probes, ILogger<CredentialsHandler> logger)
{
    public const string TakenMessage = "Another account uses that email.";
    public const string ProbingMessage = "You tried several addresses that can't be used. Wait 15 minutes, then try again. Nothing was changed.";

    public async Task<FieldErrors> ChangePasswordAsync(Guid userId, ChangePasswordInput input)
    {
        var errors = new FieldErrors();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such user.");
        var check = await attempts.CheckAsync(user, input.CurrentPassword);
        if (check != PasswordCheck.Right)
        {
            errors.Add(nameof(input.CurrentPassword), PasswordAttempts.Refusal(check, "That isn't your current password. Nothing was changed."));
            return errors;
        }

        var result = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                errors.Add(nameof(input.NewPassword), error.Description);
            }

            return errors;
        }

        await AfterChangeAsync(user);
        logger.LogInformation("Password changed for {UserId}", userId);
        return errors;
    }

    public async Task<FieldErrors> ChangeEmailAsync(Guid userId, ChangeEmailInput input)
    {
        var errors = new FieldErrors();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such user.");
        var email = input.NewEmail?.Trim() ?? "";
        if (email.Length is 0 or > AccountHandler.MaxEmailLength || !System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Contains(' ', StringComparison.Ordinal))
        {
            errors.Add(nameof(input.NewEmail), "Enter an email address like name@example.com.");
        }

        var check = await attempts.CheckAsync(user, input.Password);
        if (check != PasswordCheck.Right)
        {
            errors.Add(nameof(input.Password), PasswordAttempts.Refusal(check));
        }

        if (errors.Any)
        {
            return errors;
        }

        // Without a confirmation email, a taken address has to be refused, and the refusal tells that the address has
        // an account. The password was checked first (the same hash work for every address), and each account may
        // hear it only a few times in 15 minutes: past that every new address gets the same refusal, taken or not.
        if (probes.IsProbingLimited(user.Id))
        {
            errors.Add(nameof(input.NewEmail), ProbingMessage);
            return errors;
        }

        if (await users.FindByEmailAsync(email) is { } other && other.Id != user.Id)
        {
            errors.Add(nameof(input.NewEmail), probes.CountProbe(user.Id) ? ProbingMessage : TakenMessage);
            logger.LogWarning("Email change refused for {UserId}: the address has another account", userId);
            return errors;
        }

        var setEmail = await users.SetEmailAsync(user, email);
        var setName = setEmail.Succeeded ? await users.SetUserNameAsync(user, email) : setEmail;
        if (!setName.Succeeded)
        {
            errors.Add(nameof(input.NewEmail), "That email can't be used. Try another.");
            return errors;
        }

        await users.UpdateSecurityStampAsync(user);
        await AfterChangeAsync(user);
        logger.LogInformation("Email changed for {UserId}", userId);
        return errors;
    }

    /// <summary>A changed credential ends every other session; this one continues with a fresh cookie.</summary>
    private async Task AfterChangeAsync(AppUser user)
    {
        var current = signIn.Context.User;
        await sessions.EndAllAsync(user.Id, SessionTracker.SessionId(current));
        await sessions.RefreshAsync(user, current);
    }
}
