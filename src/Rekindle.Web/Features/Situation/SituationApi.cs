using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Situation;

public static class SituationApi
{
    public static void MapSituationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/situation").WithTags("Situation");
        group.MapGet("/", async (ClaimsPrincipal user, SituationHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(user.UserId(), ct)));

        group.MapPut("/", async Task<Results<Ok<SituationView>, ValidationProblem>> (SituationInput input, ClaimsPrincipal user, SituationHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.SaveAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Errors.Problem();
        });

        group.MapPut("/safety", async Task<Results<Ok<SituationView>, ValidationProblem>> (SafetyInput input, ClaimsPrincipal user, SituationHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.SaveSafetyAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Errors.Problem();
        });
    }
}
