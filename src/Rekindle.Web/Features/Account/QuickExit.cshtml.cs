using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Security;
using Rekindle.Web.Features.Settings;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// What "Leave quickly" (or Esc twice) sends as the page goes away: a same-origin form POST (navigator.sendBeacon)
/// carrying the page's antiforgery token, so another site can't sign anyone out or lock them. It signs this session
/// out, or locks it when this device chose locking and a PIN is set. Nothing to show: it answers 204.
/// </summary>
public sealed class QuickExitModel(AccountHandler account, PinLock pinLock) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (DevicePreferences.Read(HttpContext).QuickExitLocks && await pinLock.FindAsync(userId, cancellationToken) is not null)
        {
            await pinLock.LockAsync(userId, User, cancellationToken);
        }
        else
        {
            await account.SignOutAsync();
        }

        return new NoContentResult();
    }
}
