using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Core.Content;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.TalkPrep;

public static class TalkPrepApi
{
    public static void MapTalkPrepApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/talk-prep").WithTags("Program");

        // Before it is saved, the worksheet starts from the inventory (fromInventory) with version 0. When the
        // reconciliation policy closes the way back, it answers 409 as the other reconciliation routes do.
        group.MapGet("/", async Task<Results<Ok<TalkPrepView>, ProblemHttpResult>> (ClaimsPrincipal user, TalkPrepHandler handler, PageStrings strings, CancellationToken ct) =>
        {
            var outcome = await handler.GetAsync(user.UserId(), ct);
            return outcome.Refusal is { } refusal ? refusal.Problem(strings) : TypedResults.Ok(outcome.Value!);
        });

        // Replaces the whole worksheet. Send the version you read; one saved since answers 400 and keeps what is stored.
        group.MapPut("/", async Task<Results<Ok<TalkPrepView>, ValidationProblem, ProblemHttpResult>> (TalkPrepInput input, ClaimsPrincipal user, TalkPrepHandler handler, PageStrings strings, CancellationToken ct) =>
        {
            var outcome = await handler.SaveAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Refusal is { } refusal ? refusal.Problem(strings)
                : outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Errors.Problem();
        });
    }
}
