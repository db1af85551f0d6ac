using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Account;

[EnableRateLimiting(RateLimits.Account)]
public sealed class RegisterModel(AccountHandler handler) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/dashboard") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = await handler.RegisterAsync(Input, cancellationToken);
        if (errors.Any)
        {
            errors.CopyTo(ModelState, nameof(Input));
            Input.Password = null;
            return Page();
        }

        return Redirect("/situation");
    }
}
