using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.TriggerDates;

public static class TriggerDateApi
{
    public static void MapTriggerDateApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/trigger-dates").WithTags("Dates that will hurt");

        // Every date, the next to come first, with the day it falls on next in your time zone and whether it is close.
        group.MapGet("/", async (ClaimsPrincipal user, TriggerDateHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(user.UserId(), ct)));
        group.MapPost("/", async Task<Results<Created<TriggerDateView>, ValidationProblem>> (TriggerDateInput input, ClaimsPrincipal user, TriggerDateHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.CreateAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Created($"/api/v1/trigger-dates/{view.Id}", view) : outcome.Errors.Problem();
        });
        group.MapPut("/{id:guid}", async Task<Results<Ok<TriggerDateView>, ValidationProblem, NotFound>> (Guid id, TriggerDateInput input, ClaimsPrincipal user, TriggerDateHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.UpdateAsync(user.UserId(), id, input, cancellationToken: ct);
            return outcome.Status switch
            {
                OutcomeStatus.NotFound => TypedResults.NotFound(),
                OutcomeStatus.Invalid => outcome.Errors.Problem(),
                _ => TypedResults.Ok(outcome.Value!),
            };
        });
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, ClaimsPrincipal user, TriggerDateHandler handler, CancellationToken ct) =>
            await handler.DeleteAsync(user.UserId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
    }
}
