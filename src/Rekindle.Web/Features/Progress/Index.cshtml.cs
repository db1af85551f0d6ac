using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Progress;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Progress;

public sealed class IndexModel(ProgressHandler handler, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "range")]
    public int RangeDays { get; set; } = ProgressHandler.Ranges[0];

    public ProgressView View { get; private set; } = null!;
    public MilestoneMoment? Milestone { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        View = await handler.GetAsync(User.UserId(), RangeDays, cancellationToken);
        Milestone = await handler.TakeMilestoneAsync(User.UserId(), View.Streak, cancellationToken);
        if (Milestone is not null)
        {
            // The moment's words follow the user's track.
            ViewData["Track"] = (await db.GetOrCreateAsync(cipher, User.UserId(), cancellationToken)).Track();
        }
    }
}
