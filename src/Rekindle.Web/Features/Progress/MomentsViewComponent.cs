using Microsoft.AspNetCore.Mvc;
using Rekindle.Core.NoContact;
using Rekindle.Core.Progress;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Progress;

public sealed record MomentsView(MilestoneMoment? Milestone, WeeklySummary Week, bool CheckedInToday);

/// <summary>
/// The dashboard's progress strip: a milestone moment (once), the weekly summary, and today's check-in. The
/// dashboard passes the streak and today it has already read, so they aren't read twice per request; whether today has a
/// check-in comes from the fortnight the summary reads.
/// </summary>
public sealed class MomentsViewComponent(ProgressHandler progress) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(StreakSummary? streak, DateOnly today)
    {
        var userId = UserClaimsPrincipal.UserId();
        var milestone = await progress.TakeMilestoneAsync(userId, streak, HttpContext.RequestAborted);
        var (week, recent) = await progress.WeekWithCheckInsAsync(userId, today, HttpContext.RequestAborted);
        return View("/Features/Progress/_Moments.cshtml", new MomentsView(milestone, week, recent.Any(c => c.Date == today)));
    }
}
