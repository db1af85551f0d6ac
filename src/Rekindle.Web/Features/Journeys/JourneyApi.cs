using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Core.Assessments;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed record PhaseState(string Id, string? Title, bool Allowed, string? Reason);

public sealed record ProgramState(string Current, string Recommended, string NextStep, string Reason, string? Chosen, IReadOnlyList<PhaseState> Phases);

public sealed record AdvicePointResponse(string Kind, string Id, string Label, string Why);

/// <summary>The decision's explanation with its words in the reader's language, point by point.</summary>
public sealed record DecisionAdviceResponse(string Leaning, string Summary, IReadOnlyList<AdvicePointResponse> Points)
{
    public static DecisionAdviceResponse From(DecisionAdvice advice, PageStrings strings) =>
        new(advice.Leaning.ToString(), strings[advice.Summary], advice.Points.Select(p => new AdvicePointResponse(p.Kind.ToString(), p.Id, p.Label, strings[p.Why])).ToList());
}

public sealed record MoveInput(string? Phase);

public sealed record WaitDaysInput(int? Days);

/// <summary>The cooling period before "Pursue", with its words in the reader's language.</summary>
public sealed record CoolingResponse(
    DateOnly? InventoryFinishedOn, int DaysSince, bool PursueOpen, int DaysLeft, DateOnly? OpensOn, DateOnly? SuggestedOn, int MinimumDays, int SuggestedDays, string Detail, string Reason);

public sealed record PlanItemInput(bool Done);

/// <summary>The program for API clients: where you are, moving, the daily plan, assessments and the stage tracker.</summary>
public static class JourneyApi
{
    public static void MapJourneyApi(this RouteGroupBuilder api)
    {
        var program = api.MapGroup("/program").WithTags("Program");
        program.MapGet("/", async (ClaimsPrincipal user, JourneyReader reader, ProgramContent content, CancellationToken ct) =>
            TypedResults.Ok(State(await reader.GetAsync(user.UserId(), ct), content)));
        program.MapPut("/phase", async Task<Results<Ok<ProgramState>, ValidationProblem, ProblemHttpResult>> (MoveInput input, ClaimsPrincipal user, JourneyHandler handler, JourneyReader reader, ProgramContent content, CancellationToken ct) =>
        {
            var outcome = await handler.MoveAsync(user.UserId(), input.Phase, ct);
            return outcome.Refusal is { } refusal ? refusal.Problem(content.Strings)
                : outcome.Value is null ? outcome.Errors.Problem()
                : TypedResults.Ok(State(await reader.GetAsync(user.UserId(), ct), content));
        });

        var today = api.MapGroup("/today").WithTags("Program");
        today.MapGet("/", async Task<Results<Ok<TodayView>, NotFound>> (int? day, ClaimsPrincipal user, TodayHandler handler, CancellationToken ct) =>
            await handler.GetAsync(user.UserId(), day, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        today.MapPut("/{day:int}/{item}", async Task<Results<NoContent, NotFound>> (int day, string item, PlanItemInput input, ClaimsPrincipal user, TodayHandler handler, CancellationToken ct) =>
            Enum.TryParse<PlanItem>(item, ignoreCase: true, out var parsed) && !int.TryParse(item, out _) && await handler.SetAsync(user.UserId(), day, parsed, input.Done, ct)
                ? TypedResults.NoContent() : TypedResults.NotFound());

        var assessments = api.MapGroup("/assessments").WithTags("Program")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(256 * 1024));
        assessments.MapGet("/{kind}", async Task<Results<Ok<IReadOnlyList<AssessmentView>>, NotFound>> (string kind, ClaimsPrincipal user, AssessmentHandler handler, CancellationToken ct) =>
            AssessmentKinds.All.Contains(kind) ? TypedResults.Ok(await handler.HistoryAsync(user.UserId(), kind, ct)) : TypedResults.NotFound());
        // Taking abuse out of Decide's red flags or the inventory's causes on the healing track needs ?confirmLeavingTrack=true.
        assessments.MapPost("/{kind}", async Task<Results<Created<AssessmentView>, ValidationProblem, NotFound, ProblemHttpResult>> (
            string kind, AssessmentAnswers input, bool? confirmLeavingTrack, ClaimsPrincipal user, AssessmentHandler handler, PageStrings strings, CancellationToken ct) =>
        {
            if (!AssessmentKinds.All.Contains(kind))
            {
                return TypedResults.NotFound();
            }

            var outcome = await handler.SaveAsync(user.UserId(), kind, input, confirmLeavingTrack == true, ct);
            return outcome.Refusal is { } refusal ? refusal.Problem(strings)
                : outcome.Value is { } view ? TypedResults.Created($"/api/v1/assessments/revisions/{view.Id}", view) : outcome.Errors.Problem();
        });
        assessments.MapGet("/revisions/{id:guid}", async Task<Results<Ok<AssessmentView>, NotFound>> (Guid id, ClaimsPrincipal user, AssessmentHandler handler, CancellationToken ct) =>
            await handler.FindAsync(user.UserId(), id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        api.MapGet("/decide/advice", async Task<Results<Ok<DecisionAdviceResponse>, NotFound>> (ClaimsPrincipal user, AssessmentHandler handler, PageStrings strings, CancellationToken ct) =>
            await handler.LatestAsync(user.UserId(), AssessmentKinds.Decide, ct) is { } latest ? TypedResults.Ok(DecisionAdviceResponse.From(handler.Advice(latest.Answers), strings)) : TypedResults.NotFound())
            .WithTags("Program");

        // The pause before "Pursue": the count since the finished inventory, when it opens, and why there is one.
        api.MapGet("/decide/cooling", async (ClaimsPrincipal user, AssessmentHandler handler, PageStrings strings, CancellationToken ct) =>
        {
            var cooling = await handler.CoolingAsync(user.UserId(), ct);
            return TypedResults.Ok(new CoolingResponse(cooling.InventoryFinishedOn, cooling.DaysSince, cooling.PursueOpen, cooling.DaysLeft, cooling.OpensOn, cooling.SuggestedOn,
                CoolingPeriod.MinimumDays, CoolingPeriod.SuggestedDays, strings[cooling.Detail], strings["cooling.reason"]));
        }).WithTags("Program");

        var stages = api.MapGroup("/stages").WithTags("Program");
        stages.MapGet("/", async (ClaimsPrincipal user, StageHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(user.UserId(), ct)));
        stages.MapPost("/", async Task<Results<Created<StageEventView>, ValidationProblem, ProblemHttpResult>> (StageInput input, ClaimsPrincipal user, StageHandler handler, PageStrings strings, CancellationToken ct) =>
        {
            var outcome = await handler.LogAsync(user.UserId(), input, cancellationToken: ct);
            return outcome.Refusal is { } refusal ? refusal.Problem(strings)
                : outcome.Value is { } view ? TypedResults.Created($"/api/v1/stages/{view.Id}", view)
                : outcome.Errors.Fields.Contains(StageHandler.ConfirmBreakingNoContactField) ? ConfirmBreakingNoContact(strings)
                : outcome.Errors.Problem();
        });
        // The road after a first message with no reply: where it stands, and the days to wait (2 to 30, 7 by default).
        stages.MapGet("/silence", async (ClaimsPrincipal user, StageHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.SilenceAsync(user.UserId(), ct)));
        stages.MapPut("/wait-days", async Task<Results<Ok<SilenceState>, ValidationProblem, ProblemHttpResult>> (WaitDaysInput input, ClaimsPrincipal user, StageHandler handler, PageStrings strings, CancellationToken ct) =>
        {
            var outcome = await handler.SetWaitDaysAsync(user.UserId(), input.Days, ct);
            return outcome.Refusal is { } refusal ? refusal.Problem(strings)
                : outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Errors.Problem();
        });
        var track = api.MapGroup("/healing-track").WithTags("Program");
        track.MapGet("/", async (ClaimsPrincipal user, ReconciliationGate gate, CancellationToken ct) => TypedResults.Ok(await gate.TrackAsync(user.UserId(), ct)));
        track.MapPost("/reflection", async Task<Results<Ok<TrackView>, ValidationProblem>> (ReflectionInput input, ClaimsPrincipal user, ReconciliationGate gate, CancellationToken ct) =>
        {
            var outcome = await gate.ReflectAsync(user.UserId(), input, ct);
            return outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Errors.Problem();
        });

        stages.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, ClaimsPrincipal user, StageHandler handler, CancellationToken ct) =>
            await handler.DeleteAsync(user.UserId(), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
    }

    /// <summary>
    /// A stage that means contact, logged while no contact is running and not yet confirmed: 409, nothing logged.
    /// Sending it again with "confirmBreakingNoContact": true logs the stage and the contact in no contact.
    /// </summary>
    private static ProblemHttpResult ConfirmBreakingNoContact(PageStrings strings) =>
        TypedResults.Problem(
            detail: strings["stages.confirm-contact.explain"], statusCode: StatusCodes.Status409Conflict, title: strings["stages.confirm-contact.api-title"],
            type: "https://rekindle.invalid/problems/confirm-breaking-no-contact",
            extensions: new Dictionary<string, object?> { ["confirmWith"] = "confirmBreakingNoContact" });

    private static ProgramState State(JourneyView view, ProgramContent content)
    {
        var (_, reason, _, _) = view.Recommended.Next.Describe(content.Strings);
        return new ProgramState(view.Current.Id(), view.Recommended.Phase.Id(), view.Recommended.Next.ToString(), reason, view.Chosen?.Id(),
            Phases.All.Select(p => (Phase: p, Access: view.Access(p)))
                // On the healing track a closed phase is listed with why it is closed, but not described (no title), as on the page.
                .Select(x => new PhaseState(x.Phase.Id(), x.Access.Allowed || view.Profile.Track() != Track.Healing ? content.PhaseFor(view.Profile.Track(), x.Phase).Title : null,
                    x.Access.Allowed, x.Access.Reason is { } reasonKey ? content.Strings[reasonKey] : null))
                .ToList());
    }
}
