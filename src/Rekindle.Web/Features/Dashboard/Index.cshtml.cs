using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Progress;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Dashboard;

public sealed class IndexModel(DashboardHandler handler, ProgressHandler progress) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    /// <summary>The progress strip; read here, not in the handler, as other features ask the handler only for the phase.</summary>
    public MomentsView Moments { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        View = await handler.GetAsync(userId, cancellationToken);
        Moments = await progress.MomentsAsync(userId, View.Streak, View.Today, cancellationToken);
    }
}
