using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Letters;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Coach;

public sealed class IndexModel(CoachHandler handler, LettersHandler letters) : PageModel
{
    [BindProperty]
    public CoachInput Input { get; set; } = new();

    public CoachView? Result { get; private set; }
    public string InferredStage { get; private set; } = "";

    /// <summary>The stages offered in the list (the reconciliation ones only while the policy leaves them open).</summary>
    public IReadOnlyList<string> Stages { get; private set; } = [];

    /// <summary>Why the reconciliation stages are not offered, when they are not.</summary>
    public ReconciliationRefusal? Closed { get; private set; }

    /// <summary>Set when a draft was sent for a closed stage: the page explains instead of coaching it.</summary>
    public ReconciliationRefusal? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var outcome = await handler.AnalyzeAsync(User.UserId(), Input, cancellationToken);
        if (outcome.Refusal is not null)
        {
            Refusal = outcome.Refusal;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        Result = outcome.Value;
        return Page();
    }

    /// <summary>Keeps the draft as an unsent letter instead of sending it.</summary>
    public async Task<IActionResult> OnPostKeepAsync(CancellationToken cancellationToken)
    {
        // A draft the coach accepts is always a valid letter (drafts are shorter than letters may be).
        if (Rekindle.Core.Coach.DraftCoach.Problem(Input.Text) is { } problem)
        {
            ModelState.AddModelError("Input.Text", problem);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var letter = await letters.CreateAsync(User.UserId(), new LetterInput { Body = Input.Text }, cancellationToken: cancellationToken);
        return Redirect($"/letters/{letter.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        InferredStage = Rekindle.Core.Coach.CoachIds.Id(await handler.InferStageAsync(User.UserId(), cancellationToken));
        (Stages, Closed) = await handler.StagesAsync(User.UserId(), cancellationToken);
    }
}
