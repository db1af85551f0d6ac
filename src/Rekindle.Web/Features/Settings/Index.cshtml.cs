using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Settings;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Account)]
[RequestFormLimits(MultipartBodyLengthLimit = DataTransferHandler.MaxImportBytes)]
// Only the import may send more than the 1 MB every other form gets (docs/adr/0004-request-limits.md).
[HandlerRequestSizeLimit("Import", DataTransferHandler.MaxImportBytes + 1024 * 1024)]
public sealed class IndexModel(RekindleDbContext db, DataTransferHandler transfer, AccountHandler account) : PageModel
{
    public string Email { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    public string? ImportError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ImportError = "Choose the export file first.";
        }
        else if (file.Length > DataTransferHandler.MaxImportBytes)
        {
            ImportError = "That file is larger than any Rekindle export should be.";
        }
        else
        {
            await using var stream = file.OpenReadStream();
            ImportError = await transfer.ImportAsync(User.UserId(), stream, cancellationToken);
        }

        if (ImportError is null)
        {
            Message = "Imported. Everything from the file is back in place.";
            return Redirect("/settings");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>This browser's own choices (see <see cref="DevicePreferences"/>).</summary>
    public DevicePreferences Device => DevicePreferences.Read(HttpContext);

    public IActionResult OnPostDevice(bool quickExitLocks, bool descriptiveTitles)
    {
        new DevicePreferences(quickExitLocks, descriptiveTitles).Write(HttpContext);
        Message = "Saved for this browser.";
        return Redirect("/settings#device");
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        await account.SignOutEverywhereAsync(User.UserId());
        Message = "Every other session has been signed out.";
        return Redirect("/settings");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? deletePassword, CancellationToken cancellationToken)
    {
        var errors = await account.DeleteAccountAsync(User.UserId(), deletePassword);
        if (errors.Any)
        {
            errors.CopyTo(ModelState, string.Empty);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect("/account/deleted");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        Email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync(cancellationToken);
    }
}
