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
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/dashboard");
            case SignInStatus.LockedOut:
                return Redirect("/account/lockout");
            default:
                ModelState.AddModelError(string.Empty, "That email and password don't match an account. Check them and try again.");
                Input.Password = null;
                return Page();
        }
    }
}
