using Microsoft.AspNetCore.Mvc;
using Rekindle.Core.Progress;
using Rekindle.Web.Data;
using Rekindle.Web.Features.CheckIns;
using Rekindle.Web.Features.NoContact;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Progress;

public sealed record MomentsView(MilestoneMoment? Milestone, WeeklySummary Week, bool CheckedInToday);

/// <summary>The dashboard's progress strip: a milestone moment (once), the weekly summary, and today's check-in.</summary>
public sealed class MomentsViewComponent(ProgressHandler progress, NoContactHandler noContact, CheckInHandler checkIns, RekindleDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.UserId();
        var profile = await db.GetOrCreateAsync(userId, HttpContext.RequestAborted);
        var streak = await noContact.GetStreakAsync(profile, HttpContext.RequestAborted);
        var milestone = await progress.TakeMilestoneAsync(userId, streak, HttpContext.RequestAborted);
        var week = await progress.WeeklyAsync(userId, HttpContext.RequestAborted);
        var today = await checkIns.FindAsync(userId, profile.Today(clock), HttpContext.RequestAborted);
        return View("/Features/Progress/_Moments.cshtml", new MomentsView(milestone, week, today is not null));
    }
}
