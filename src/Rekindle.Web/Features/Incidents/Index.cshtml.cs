using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Incidents;

public sealed class IndexModel(IncidentHandler handler) : PageModel
{
    public IncidentPage Log { get; private set; } = null!;

    /// <summary>"page" is the query name the API uses too; Razor Pages keeps that name for its own route value, so it is read here.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Log = await handler.ListAsync(User.UserId(), int.TryParse(Request.Query["page"], out var page) ? page : null, cancellationToken);
}
