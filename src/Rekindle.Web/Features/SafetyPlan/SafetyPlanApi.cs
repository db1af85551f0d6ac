using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.SafetyPlan;

public static class SafetyPlanApi
{
    public static void MapSafetyPlanApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/safety-plan").WithTags("Safety plan");

        // Before the user writes one, the plan is empty with version 0.
        group.MapGet("/", async (ClaimsPrincipal user, SafetyPlanHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(user.UserId(), ct)));

        // Replaces the whole plan. Send the version you read; a plan saved since answers 400 and keeps what is stored.
        group.MapPut("/", async Task<Results<Ok<SafetyPlanView>, ValidationProblem>> (SafetyPlanInput input, ClaimsPrincipal user, SafetyPlanHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.SaveAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Errors.Problem();
        });
    }
}
