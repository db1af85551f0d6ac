using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Incidents;

public sealed class IndexModel(IncidentHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public IncidentPage Log { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Log = await handler.ListAsync(User.UserId(), PageNumber, cancellationToken);
}
