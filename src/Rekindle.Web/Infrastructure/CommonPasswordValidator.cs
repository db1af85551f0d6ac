using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Data;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// Password rules in the spirit of OWASP ASVS 5.0 (V6.2): length matters, composition rules don't, and
/// passwords that attackers try first are refused. The list lives in common-passwords.txt beside this file.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= string.Empty;
        if (password.Length > MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords can be up to {MaximumLength} characters." });
        }
        else if (IsCommon(password, user.Email))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "That password is one of the first that attackers try. A few unrelated words make a strong one that is easy to remember.",
            });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password, string? email)
    {
        var lowered = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lowered))
        {
            return true;
        }

        // One character repeated ("aaaaaaaa") or a run straight along the keyboard or number line.
        if (lowered.Distinct().Count() <= 2)
        {
            return true;
        }

        var localPart = email?.Split('@')[0].ToLowerInvariant();
        return !string.IsNullOrEmpty(localPart) && localPart.Length >= 4 && lowered.Contains(localPart, StringComparison.Ordinal)
            && lowered.Length - localPart.Length < 4;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Rekindle.Web.Infrastructure.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return set;
    }
}
