using Microsoft.AspNetCore.Mvc;
using Rekindle.Core.Assessments;
using Rekindle.Core.Content;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed class DecideModel(AssessmentHandler handler, JourneyReader reader, ProgramContent content) : AssessmentPageModel(handler, reader, content)
{
    protected override string Kind => AssessmentKinds.Decide;

    /// <summary>Set while "Pursue" is closed by the reconciliation policy: the page offers the healing track instead.</summary>
    public ReconciliationRefusal? PursueRefusal { get; private set; }

    /// <summary>The pause between the finished inventory and "Pursue": the count, and whether it is open yet.</summary>
    public CoolingState? Cooling { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            PursueRefusal = await Handler.PursueRefusalAsync(User.UserId(), HttpContext.RequestAborted);
            Cooling = await Handler.CoolingAsync(User.UserId(), HttpContext.RequestAborted);
        }
    }

    /// <summary>The explanation of the latest answers, point by point.</summary>
    public DecisionAdvice? Advice => History.Count > 0 ? Handler.Advice(History[0].Answers) : null;

    public string? CurrentDecision => History.FirstOrDefault(h => h.Decision is not null)?.Decision;

    /// <summary>The user's own decision, saved with the answers it was made from.</summary>
    public async Task<IActionResult> OnPostDecisionAsync(string? decision, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Refusal is not null)
        {
            return Refused();
        }

        var answers = History.Count > 0 ? History[0].Answers : new AssessmentAnswers();
        answers.Decision = decision;
        var outcome = await Handler.SaveAsync(User.UserId(), Kind, answers, cancellationToken: cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            Refusal = refusal;
            return Refused();
        }

        if (outcome.Value is null)
        {
            CopyErrors(outcome.Errors);
            Answers = answers;
            return Page();
        }

        return Redirect(decision == "let-go" ? "/healing" : "/decide#decision");
    }
}
