using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journal;

public static class JournalApi
{
    public static void MapJournalApi(this RouteGroupBuilder api)
    {
        // Entries can be up to 50,000 characters, which is more than the API default in UTF-8.
        var group = api.MapGroup("/journal").WithTags("Journal").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(512 * 1024));
        group.MapGet("/prompt", async (ClaimsPrincipal user, JournalHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.TodaysPromptAsync(user.UserId(), ct)));
        group.MapGet("/", async (string? q, string? tag, ClaimsPrincipal user, JournalHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.ListAsync(user.UserId(), q, tag, ct)));
        group.MapGet("/{id:guid}", async Task<Results<Ok<JournalEntryView>, NotFound>> (Guid id, ClaimsPrincipal user, JournalHandler handler, CancellationToken ct) =>
            await handler.FindAsync(user.UserId(), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        group.MapPost("/", async Task<Results<Created<JournalEntryView>, ValidationProblem>> (JournalInput input, ClaimsPrincipal user, JournalHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.CreateAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Created($"/api/v1/journal/{view.Id}", view) : outcome.Errors.Problem();
        });
        group.MapPut("/{id:guid}", async Task<Results<Ok<JournalEntryView>, ValidationProblem, NotFound>> (Guid id, JournalInput input, ClaimsPrincipal user, JournalHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.UpdateAsync(user.UserId(), id, input, cancellationToken: ct);
            return outcome.Status switch
            {
                OutcomeStatus.NotFound => TypedResults.NotFound(),
                OutcomeStatus.Invalid => outcome.Errors.Problem(),
                _ => TypedResults.Ok(outcome.Value!),
            };
        });
        group.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, ClaimsPrincipal user, JournalHandler handler, CancellationToken ct) =>
            await handler.DeleteAsync(user.UserId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
    }
}
