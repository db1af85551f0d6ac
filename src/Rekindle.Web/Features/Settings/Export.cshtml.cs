using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Settings;

public sealed class ExportModel(DataTransferHandler transfer, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await transfer.ExportAsync(User.UserId(), cancellationToken);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, ExportJson.Options);
        return File(bytes, "application/json", $"rekindle-export-{clock.GetUtcNow():yyyy-MM-dd}.json");
    }
}
