using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Security;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Account)]
public sealed class LockModel(PinLock pinLock) : PageModel
{
    [BindProperty]
    public string? Pin { get; set; }

    public string? Problem { get; private set; }

    /// <summary>Opening the lock screen locks the app (the idle timer in the page comes here).</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await pinLock.FindAsync(User.UserId(), cancellationToken) is null)
        {
            return Redirect("/dashboard");
        }

        await pinLock.LockAsync(User.UserId(), User, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        switch (await pinLock.UnlockAsync(User.UserId(), User, Pin, cancellationToken))
        {
            case UnlockResult.Unlocked:
                return Redirect("/dashboard");
            case UnlockResult.SignedOut:
                return Redirect("/account/login");
            default:
                Problem = "That PIN isn't right. After five wrong tries you'll need to sign in again.";
                return Page();
        }
    }
}
