using Microsoft.AspNetCore.Mvc;
using Rekindle.Core.NoContact;
using Rekindle.Core.Progress;
using Rekindle.Web.Features.CheckIns;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Progress;

public sealed record MomentsView(MilestoneMoment? Milestone, WeeklySummary Week, bool CheckedInToday);

/// <summary>
/// The dashboard's progress strip: a milestone moment (once), the weekly summary, and today's check-in. The
/// dashboard passes the streak and today it has already read, so they aren't read twice per request.
/// </summary>
public sealed class MomentsViewComponent(ProgressHandler progress, CheckInHandler checkIns) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(StreakSummary? streak, DateOnly today)
    {
        var userId = UserClaimsPrincipal.UserId();
        var milestone = await progress.TakeMilestoneAsync(userId, streak, HttpContext.RequestAborted);
        var week = await progress.WeeklyAsync(userId, today, HttpContext.RequestAborted);
        var checkedIn = await checkIns.FindAsync(userId, today, HttpContext.RequestAborted);
        return View("/Features/Progress/_Moments.cshtml", new MomentsView(milestone, week, checkedIn is not null));
    }
}
