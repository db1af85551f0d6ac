using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.CheckIns;

/// <summary>Who started the contact a check-in mentions.</summary>
public sealed record CheckInContactInput(Rekindle.Core.NoContact.ContactInitiator? Initiator);

public static class CheckInApi
{
    public static void MapCheckInApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/check-ins").WithTags("Check-ins");

        // Dates are the user's local days (yyyy-MM-dd). Without a range: the last 90 days.
        group.MapGet("/", async Task<Results<Ok<IReadOnlyList<CheckInView>>, ValidationProblem>> (
            string? from, string? to, ClaimsPrincipal user, CheckInHandler handler, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, TimeProvider clock, CancellationToken ct) =>
        {
            var today = (await db.GetOrCreateAsync(cipher, user.UserId(), ct)).Today(clock);
            var errors = new FieldErrors();
            var end = ParseDate(to, today, "to", errors);
            var start = ParseDate(from, end.AddDays(-89), "from", errors);
            if (!errors.Any && start > end)
            {
                errors.Add("from", "The start of the range must be on or before its end.");
            }
            else if (!errors.Any && end.DayNumber - start.DayNumber >= CheckInHandler.MaxListDays)
            {
                errors.Add("from", "A range can cover up to three years.");
            }

            return errors.Any ? errors.Problem() : TypedResults.Ok(await handler.ListAsync(user.UserId(), start, end, ct));
        });

        group.MapGet("/{date}", async Task<Results<Ok<CheckInView>, NotFound, ValidationProblem>> (string date, ClaimsPrincipal user, CheckInHandler handler, CancellationToken ct) =>
        {
            if (!TryParseDate(date, out var day))
            {
                return BadDate();
            }

            return await handler.FindAsync(user.UserId(), day, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
        });

        // PUT is idempotent and matches the one-per-day rule: it creates the day's check-in or replaces it.
        group.MapPut("/{date}", async Task<Results<Created<CheckInView>, Ok<CheckInView>, ValidationProblem>> (
            string date, CheckInInput input, ClaimsPrincipal user, CheckInHandler handler, CancellationToken ct) =>
        {
            if (!TryParseDate(date, out var day))
            {
                return BadDate();
            }

            input.Date = day;
            var outcome = await handler.SaveAsync(user.UserId(), input, cancellationToken: ct);
            if (outcome.Value is not { } saved)
            {
                return outcome.Errors.Problem();
            }

            return saved.Created ? TypedResults.Created($"/api/v1/check-ins/{date}", saved.CheckIn) : TypedResults.Ok(saved.CheckIn);
        });

        // A check-in that says there was contact logs it in no contact: 201 when this logged it, 200 with the day's
        // contact when one was already logged (never twice), 404 when the day's check-in doesn't say there was contact.
        group.MapPost("/{date}/contact", async Task<Results<Created<CheckInContactLogged>, Ok<CheckInContactLogged>, NotFound, ValidationProblem>> (
            string date, CheckInContactInput input, ClaimsPrincipal user, CheckInContact contacts, CancellationToken ct) =>
        {
            if (!TryParseDate(date, out var day))
            {
                return BadDate();
            }

            var outcome = await contacts.LogAsync(user.UserId(), day, input.Initiator, ct);
            return outcome.Status switch
            {
                OutcomeStatus.NotFound => TypedResults.NotFound(),
                OutcomeStatus.Invalid => outcome.Errors.Problem(),
                _ when outcome.Value!.Created => TypedResults.Created($"/api/v1/no-contact/contacts/{outcome.Value.Contact.Id}", outcome.Value),
                _ => TypedResults.Ok(outcome.Value!),
            };
        });

        group.MapDelete("/{date}", async Task<Results<NoContent, NotFound, ValidationProblem>> (string date, ClaimsPrincipal user, CheckInHandler handler, CancellationToken ct) =>
        {
            if (!TryParseDate(date, out var day))
            {
                return BadDate();
            }

            return await handler.DeleteAsync(user.UserId(), day, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
        });

        api.MapGet("/account/export/check-ins.csv", async (ClaimsPrincipal user, CheckInCsv csv, CancellationToken ct) =>
            TypedResults.File(await csv.ExportAsync(user.UserId(), ct), CheckInCsv.ContentType, CheckInCsv.FileName))
            .WithTags("Account and data");
    }

    private const int MinYear = 1900;
    private const int MaxYear = 9000;

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);

    private static DateOnly ParseDate(string? text, DateOnly fallback, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (TryParseDate(text, out var date))
        {
            // A range reaches back up to three years from its end: far-off years are no one's check-ins and
            // would run off the calendar's edge.
            if (date.Year is >= MinYear and <= MaxYear)
            {
                return date;
            }

            errors.Add(field, $"Choose a date between the years {MinYear} and {MaxYear}.");
            return fallback;
        }

        errors.Add(field, "Dates are written as yyyy-MM-dd, for example 2026-11-02.");
        return fallback;
    }

    private static ValidationProblem BadDate()
    {
        var errors = new FieldErrors();
        errors.Add("date", "Dates are written as yyyy-MM-dd, for example 2026-11-02.");
        return errors.Problem();
    }
}
