using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rekindle.Web.Features.Account;

public sealed class LogoutModel(AccountHandler handler) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await handler.SignOutAsync();
        return Redirect("/");
    }
}
