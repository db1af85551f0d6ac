using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Reminders;

public static class ReminderApi
{
    public static void MapReminderApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reminders").WithTags("Reminders");
        group.MapGet("/", async (ClaimsPrincipal user, ReminderHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(user.UserId(), ct)));
        group.MapPut("/", async Task<Results<Ok<ReminderView>, ValidationProblem>> (ReminderInput input, ClaimsPrincipal user, ReminderHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.SaveAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Errors.Problem();
        });
        // ?detailed=true for titles that say what each event is; by default every event says "Rekindle reminder".
        group.MapGet("/calendar.ics", async (bool? detailed, ClaimsPrincipal user, ReminderHandler handler, CancellationToken ct) =>
            TypedResults.File(System.Text.Encoding.UTF8.GetBytes(await handler.CalendarAsync(user.UserId(), detailed ?? false, ct)), "text/calendar", IndexModel.CalendarFileName));
    }
}
