using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Core.Content;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.NoContact;

public sealed record LoggedContactResponse(ContactView Contact, string Advice, string AdviceTitle, string AdviceText, Rekindle.Core.NoContact.StreakSummary? Streak);

public static class NoContactApi
{
    public static void MapNoContactApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/no-contact").WithTags("No contact");
        group.MapGet("/", async (ClaimsPrincipal user, NoContactHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(user.UserId(), ct)));

        group.MapPost("/start", async Task<Results<Ok<NoContactOverview>, ValidationProblem>> (StartNoContactInput input, ClaimsPrincipal user, NoContactHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.StartAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Errors.Problem();
        });

        group.MapPut("/target", async Task<Results<Ok<NoContactOverview>, ValidationProblem>> (ChangeTargetInput input, ClaimsPrincipal user, NoContactHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.ChangeTargetAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Errors.Problem();
        });

        var contacts = group.MapGroup("/contacts");
        contacts.MapGet("/", async (ClaimsPrincipal user, NoContactHandler handler, CancellationToken ct) =>
            TypedResults.Ok((await handler.GetAsync(user.UserId(), ct)).Contacts));

        contacts.MapGet("/{id:guid}", async Task<Results<Ok<ContactView>, NotFound>> (Guid id, ClaimsPrincipal user, NoContactHandler handler, CancellationToken ct) =>
            await handler.FindContactAsync(user.UserId(), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());

        contacts.MapPost("/", async Task<Results<Created<LoggedContactResponse>, ValidationProblem>> (ContactInput input, ClaimsPrincipal user, NoContactHandler handler, PageStrings strings, CancellationToken ct) =>
        {
            var outcome = await handler.LogContactAsync(user.UserId(), input, cancellationToken: ct);
            if (outcome.Value is not { } logged)
            {
                return outcome.Errors.Problem();
            }

            var (title, text) = logged.Advice.Describe(strings);
            var body = new LoggedContactResponse(logged.Contact, logged.Advice.ToString(), title, text, logged.Streak);
            return TypedResults.Created($"/api/v1/no-contact/contacts/{logged.Contact.Id}", body);
        });

        contacts.MapPut("/{id:guid}", async Task<Results<Ok<ContactView>, ValidationProblem, NotFound>> (Guid id, ContactInput input, ClaimsPrincipal user, NoContactHandler handler, CancellationToken ct) =>
        {
            var outcome = await handler.UpdateContactAsync(user.UserId(), id, input, cancellationToken: ct);
            return outcome.Status switch
            {
                OutcomeStatus.NotFound => TypedResults.NotFound(),
                OutcomeStatus.Invalid => outcome.Errors.Problem(),
                _ => TypedResults.Ok(outcome.Value!),
            };
        });

        contacts.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, ClaimsPrincipal user, NoContactHandler handler, CancellationToken ct) =>
            await handler.DeleteContactAsync(user.UserId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
    }
}
