using System.Security.Claims;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Dashboard;

public sealed record DashboardResponse(string Phase, string PhaseTitle, string NextStep, string NextTitle, string NextText, string NextHref, DashboardView Details);

public static class DashboardApi
{
    public static void MapDashboardApi(this RouteGroupBuilder api) =>
        api.MapGet("/dashboard", async (ClaimsPrincipal user, DashboardHandler handler, ProgramContent content, PageStrings strings, CancellationToken ct) =>
        {
            var view = await handler.GetAsync(user.UserId(), ct);
            var (title, text, href, _) = view.Next.Describe(strings);
            return TypedResults.Ok(new DashboardResponse(view.Phase.Id(), content.Phases[view.Phase].Title, view.Next.ToString(), title, text, href, view));
        }).WithTags("Dashboard");

    /// <summary>Puts the dashboard's low-mood follow-up card away for a week, as its button on the page does.</summary>
    public static void MapFollowUpApi(this RouteGroupBuilder api) =>
        api.MapPost("/dashboard/follow-up/dismiss", async (ClaimsPrincipal user, DashboardHandler handler, CancellationToken ct) =>
        {
            await handler.DismissFollowUpAsync(user.UserId(), ct);
            return TypedResults.NoContent();
        }).WithTags("Dashboard");
}
