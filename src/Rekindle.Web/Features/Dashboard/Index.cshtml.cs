using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Dashboard;

public sealed class IndexModel(DashboardHandler handler) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await handler.GetAsync(User.UserId(), cancellationToken);
}
