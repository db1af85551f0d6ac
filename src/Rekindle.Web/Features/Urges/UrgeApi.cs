using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Features.ExMessages;
using Rekindle.Web.Features.Letters;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Urges;

/// <summary>The urge interrupt, unsent letters and messages from the ex, for API clients.</summary>
public static class UrgeApi
{
    public static void MapMomentsApi(this RouteGroupBuilder api)
    {
        var urges = api.MapGroup("/urges").WithTags("Urges");
        urges.MapGet("/", async (ClaimsPrincipal user, UrgeHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(user.UserId(), ct)));
        urges.MapGet("/{id:guid}", async Task<Results<Ok<UrgeView>, NotFound>> (Guid id, ClaimsPrincipal user, UrgeHandler handler, CancellationToken ct) =>
            await handler.FindAsync(user.UserId(), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        urges.MapPost("/", async Task<Results<Created<UrgeView>, ValidationProblem>> (UrgeInput input, ClaimsPrincipal user, UrgeHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.StartAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Created($"/api/v1/urges/{view.Id}", view) : outcome.Errors.Problem();
        });
        urges.MapPut("/{id:guid}/outcome", async Task<Results<Ok<UrgeView>, ValidationProblem, NotFound>> (Guid id, UrgeOutcomeInput input, ClaimsPrincipal user, UrgeHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.ResolveAsync(user.UserId(), id, input, ct);
            return outcome.Status switch
            {
                OutcomeStatus.NotFound => TypedResults.NotFound(),
                OutcomeStatus.Invalid => outcome.Errors.Problem(),
                _ => TypedResults.Ok(outcome.Value!),
            };
        });

        var letters = api.MapGroup("/letters").WithTags("Unsent letters");
        letters.MapGet("/", async (string? q, ClaimsPrincipal user, LettersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(user.UserId(), q, ct)));
        letters.MapGet("/{id:guid}", async Task<Results<Ok<LetterView>, NotFound>> (Guid id, ClaimsPrincipal user, LettersHandler handler, CancellationToken ct) =>
            await handler.FindAsync(user.UserId(), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        letters.MapPost("/", async Task<Results<Created<LetterView>, ValidationProblem>> (LetterInput input, ClaimsPrincipal user, LettersHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.CreateAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Created($"/api/v1/letters/{view.Id}", view) : outcome.Errors.Problem();
        });
        letters.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, ClaimsPrincipal user, LettersHandler handler, CancellationToken ct) =>
            await handler.DeleteAsync(user.UserId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());

        var messages = api.MapGroup("/ex-messages").WithTags("Messages from the ex");
        messages.MapGet("/", async (ClaimsPrincipal user, ExMessageHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(user.UserId(), ct)));
        messages.MapGet("/{id:guid}", async Task<Results<Ok<ExMessageView>, NotFound>> (Guid id, ClaimsPrincipal user, ExMessageHandler handler, CancellationToken ct) =>
            await handler.FindAsync(user.UserId(), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        messages.MapPost("/", async Task<Results<Created<ExMessageView>, ValidationProblem>> (ExMessageInput input, ClaimsPrincipal user, ExMessageHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.JudgeAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Created($"/api/v1/ex-messages/{view.Id}", view) : outcome.Errors.Problem();
        });
        messages.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, ClaimsPrincipal user, ExMessageHandler handler, CancellationToken ct) =>
            await handler.DeleteAsync(user.UserId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
    }
}
