using System.Security.Claims;
using Rekindle.Core.Charts;
using Rekindle.Core.Progress;
using Rekindle.Web.Data;
using Rekindle.Web.Features.CheckIns;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Progress;

public sealed record ProgressSeries(WeeklySummary Week, IReadOnlyList<MoodPoint> Mood, IReadOnlyList<UrgeDay> Urges);

public static class ProgressApi
{
    public static void MapProgressApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/progress").WithTags("Progress");

        // The numbers behind the charts, daily, for the last `range` days (30, 90 or 365).
        group.MapGet("/", async (int? range, ClaimsPrincipal user, ProgressHandler progress, CheckInHandler checkIns, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, TimeProvider clock, CancellationToken ct) =>
        {
            var userId = user.UserId();
            var today = (await db.GetOrCreateAsync(cipher, userId, ct)).Today(clock);
            var days = range is { } r && ProgressHandler.Ranges.Contains(r) ? r : ProgressHandler.Ranges[0];
            var from = today.AddDays(-(days - 1));
            var numbers = await checkIns.NumbersAsync(userId, from.AddDays(-MoodSeries.WindowDays), today, ct);
            return TypedResults.Ok(new ProgressSeries(await progress.WeeklyAsync(userId, ct), MoodSeries.Build(numbers, from, today), UrgeSeries.Build(numbers, from, today)));
        });

        group.MapGet("/weekly", async (ClaimsPrincipal user, ProgressHandler progress, CancellationToken ct) =>
            TypedResults.Ok(await progress.WeeklyAsync(user.UserId(), ct)));

        group.MapGet("/charts/{name}.svg", async (string name, int? range, ClaimsPrincipal user, ProgressHandler progress, CancellationToken ct) =>
        {
            var view = await progress.GetAsync(user.UserId(), range ?? ProgressHandler.Ranges[0], ct);
            var svg = name switch { "mood" => view.Mood.Svg, "urges" => view.Urges.Svg, "calendar" => view.Calendar?.Svg, _ => null };
            return svg is null ? Results.NotFound() : Results.Text(svg, "image/svg+xml");
        });
    }
}
