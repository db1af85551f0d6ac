using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Incidents;

public static class IncidentApi
{
    public static void MapIncidentApi(this RouteGroupBuilder api)
    {
        // A description can be up to 20,000 characters, more than the API default once it is UTF-8.
        var group = api.MapGroup("/incidents").WithTags("Incident log").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(256 * 1024));
        group.MapGet("/", async (int? page, ClaimsPrincipal user, IncidentHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(user.UserId(), page, ct)));
        group.MapGet("/{id:guid}", async Task<Results<Ok<IncidentView>, NotFound>> (Guid id, ClaimsPrincipal user, IncidentHandler handler, CancellationToken ct) =>
            await handler.FindAsync(user.UserId(), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        group.MapPost("/", async Task<Results<Created<IncidentView>, ValidationProblem>> (IncidentInput input, ClaimsPrincipal user, IncidentHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.CreateAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Created($"/api/v1/incidents/{view.Id}", view) : outcome.Errors.Problem();
        });
        group.MapPut("/{id:guid}", async Task<Results<Ok<IncidentView>, ValidationProblem, NotFound>> (Guid id, IncidentInput input, ClaimsPrincipal user, IncidentHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.UpdateAsync(user.UserId(), id, input, cancellationToken: ct);
            return outcome.Status switch
            {
                OutcomeStatus.NotFound => TypedResults.NotFound(),
                OutcomeStatus.Invalid => outcome.Errors.Problem(),
                _ => TypedResults.Ok(outcome.Value!),
            };
        });
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, ClaimsPrincipal user, IncidentHandler handler, CancellationToken ct) =>
            await handler.DeleteAsync(user.UserId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
    }
}
