using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Coach;

public static class CoachApi
{
    public static void MapCoachApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/coach").WithTags("Message coach");
        group.MapPost("/analyze", async Task<Results<Ok<CoachView>, ValidationProblem, ProblemHttpResult>> (CoachInput input, ClaimsPrincipal user, CoachHandler handler, Rekindle.Core.Content.PageStrings strings, CancellationToken ct) =>
        {
            var outcome = await handler.AnalyzeAsync(user.UserId(), input, ct);
            return outcome.Refusal is { } refusal ? refusal.Problem(strings)
                : outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Errors.Problem();
        });
    }
}
