using Microsoft.EntityFrameworkCore;
using Rekindle.Core.Assessments;
using Rekindle.Core.Content;
using Rekindle.Core.Progress;
using Rekindle.Web.Data;
using Rekindle.Web.Features.CheckIns;
using Rekindle.Web.Features.Progress;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed class ReadinessModel(AssessmentHandler handler, JourneyReader reader, ProgramContent content, CheckInHandler checkIns, ProgressHandler progress, TimeProvider clock)
    : AssessmentPageModel(handler, reader, content)
{
    protected override string Kind => AssessmentKinds.Readiness;

    public IReadOnlyList<ReadinessItem> Items { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult && Journey is not null)
        {
            Items = await EvaluateAsync(HttpContext.RequestAborted);
        }
    }

    private async Task<IReadOnlyList<ReadinessItem>> EvaluateAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var today = Journey.Profile.Today(clock);
        var week = SteadyWeek.Evaluate(
            await checkIns.NumbersAsync(userId, today.AddDays(-6), today, cancellationToken),
            await progress.UrgeEventsAsync(userId, today.AddDays(-6), today, cancellationToken), today);
        var streak = Journey.Facts.Streak;
        var latest = History.Count > 0 ? History[0].Answers : new AssessmentAnswers();
        bool? Self(string id) => latest.Values.TryGetValue(id, out var v) ? v switch { "yes" => true, "no" => false, _ => null } : null;
        return ReadinessCheck.Evaluate(new ReadinessFacts(
            streak?.TargetReached ?? false, streak is null ? null : Math.Max(0, streak.TargetDays - streak.CurrentDays),
            Journey.Facts.Decision, Journey.Facts.InventoryDone, week, Self("confident"), Self("okay-if-no"), Self("respect"), Self("resentment")));
    }
}
