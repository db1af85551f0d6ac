using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Account;

[EnableRateLimiting(RateLimits.Account)]
public sealed class LoginModel(AccountHandler handler) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/dashboard") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await handler.SignInAsync(Input))
        {
            case SignInStatus.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? HeaderSafe(ReturnUrl!) : "/dashboard");
            case SignInStatus.LockedOut:
                return Redirect("/account/lockout");
            default:
                ModelState.AddModelError(string.Empty, "That email and password don't match an account. Check them and try again.");
                Input.Password = null;
                return Page();
        }
    }

    /// <summary>
    /// A Location header carries ASCII only: anything else in the address (ünïcode, a space, a control character)
    /// is percent-encoded as UTF-8, as a browser would, instead of failing the response.
    /// </summary>
    public static string HeaderSafe(string url)
    {
        var builder = new System.Text.StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
