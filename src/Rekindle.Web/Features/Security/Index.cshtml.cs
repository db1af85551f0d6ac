using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Security;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Account)]
public sealed class IndexModel(CredentialsHandler credentials, SessionTracker sessions, PinLock pinLock, AccountHandler account) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Password { get; set; } = new();

    [BindProperty]
    public ChangeEmailInput Email { get; set; } = new();

    [BindProperty]
    public PinInput Pin { get; set; } = new();

    [BindProperty]
    public Guid? SessionId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];
    public bool HasPin { get; private set; }
    public int? PinIdleMinutes { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken) =>
        await DoneAsync(await credentials.ChangePasswordAsync(User.UserId(), Password), nameof(Password), "Your password is changed. Every other session was signed out.", cancellationToken);

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken cancellationToken) =>
        await DoneAsync(await credentials.ChangeEmailAsync(User.UserId(), Email), nameof(Email), "Your email is changed. Every other session was signed out.", cancellationToken);

    public async Task<IActionResult> OnPostPinAsync(CancellationToken cancellationToken) =>
        await DoneAsync(await pinLock.SetAsync(User.UserId(), Pin, FieldErrors.FromBinding(ModelState, nameof(Pin)), cancellationToken), nameof(Pin),
            "Your PIN is set. The app will ask for it after it has been idle.", cancellationToken);

    public async Task<IActionResult> OnPostRemovePinAsync(CancellationToken cancellationToken) =>
        await DoneAsync(await pinLock.RemoveAsync(User.UserId(), Pin.Password, cancellationToken), nameof(Pin), "The PIN lock is off.", cancellationToken);

    public async Task<IActionResult> OnPostEndSessionAsync(CancellationToken cancellationToken)
    {
        if (SessionId is not { } id || !await sessions.EndAsync(User.UserId(), id, cancellationToken))
        {
            return NotFound();
        }

        Message = "That session is signed out.";
        return Redirect("/settings/security");
    }

    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        await account.SignOutEverywhereAsync(User.UserId());
        Message = "Every other session is signed out.";
        return Redirect("/settings/security");
    }

    private async Task<IActionResult> DoneAsync(FieldErrors errors, string prefix, string message, CancellationToken cancellationToken)
    {
        if (errors.Any)
        {
            errors.CopyTo(ModelState, prefix);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = message;
        return Redirect("/settings/security");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sessions = await sessions.ListAsync(User.UserId(), User, cancellationToken);
        var existing = await pinLock.FindAsync(User.UserId(), cancellationToken);
        HasPin = existing is not null;
        PinIdleMinutes = existing?.IdleMinutes;
        Pin.IdleMinutes ??= existing?.IdleMinutes ?? PinLock.DefaultIdleMinutes;
    }
}
