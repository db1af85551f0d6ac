using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Letters;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Coach;

[RequestFormLimits(ValueLengthLimit = NoContact.IndexModel.FormLimitBytes)]
[RequestSizeLimit(NoContact.IndexModel.FormLimitBytes * 2)]
public sealed class IndexModel(CoachHandler handler, LettersHandler letters) : PageModel
{
    [BindProperty]
    public CoachInput Input { get; set; } = new();

    public CoachView? Result { get; private set; }
    public string InferredStage { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        InferredStage = Rekindle.Core.Coach.CoachIds.Id(await handler.InferStageAsync(User.UserId(), cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        InferredStage = Rekindle.Core.Coach.CoachIds.Id(await handler.InferStageAsync(User.UserId(), cancellationToken));
        var outcome = await handler.AnalyzeAsync(User.UserId(), Input, cancellationToken);
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
            InferredStage = Rekindle.Core.Coach.CoachIds.Id(await handler.InferStageAsync(User.UserId(), cancellationToken));
            return Page();
        }

        var letter = await letters.CreateAsync(User.UserId(), new LetterInput { Body = Input.Text }, cancellationToken: cancellationToken);
        return Redirect($"/letters/{letter.Value!.Id}");
    }
}
