using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

/// <summary>
/// An assessment page: the latest answers in the form, the history of earlier versions, and each save a new version.
/// Reconciliation tools answer with an explanation instead while the safety pivot is on.
/// </summary>
[RequestFormLimits(ValueLengthLimit = NoContact.IndexModel.FormLimitBytes)]
[RequestSizeLimit(NoContact.IndexModel.FormLimitBytes * 2)]
public abstract class AssessmentPageModel(AssessmentHandler handler, JourneyReader reader, ProgramContent content) : PageModel
{
    protected abstract string Kind { get; }

    /// <summary>True for the tools that lead back toward the relationship.</summary>
    protected virtual bool Reconciliation => false;

    [BindProperty]
    public AssessmentAnswers Answers { get; set; } = new();

    [TempData]
    public bool Saved { get; set; }

    public ProgramContent Words => content;

    protected AssessmentHandler Handler => handler;
    public IReadOnlyList<AssessmentView> History { get; private set; } = [];
    public JourneyView Journey { get; private set; } = null!;
    public string? Refusal { get; private set; }

    /// <summary>Help for the answers just saved, when the crisis reader found danger in them (carried by level and kind only).</summary>
    public SafetyView Safety { get; private set; } = SafetyView.None;

    public bool IsChosen(string id) => Answers.Chosen.Contains(id);

    public string Value(string id) => Answers.Values.TryGetValue(id, out var value) ? value : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Safety = await HttpContext.RequestServices.GetRequiredService<SafetyNet>().CarriedAsync(TempData, User.UserId(), cancellationToken);
        await LoadAsync(cancellationToken);
        Answers = History.Count > 0 ? History[0].Answers : new AssessmentAnswers();
        return Refused();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Refusal is not null)
        {
            return Refused();
        }

        Answers.Decision = null;
        var outcome = await handler.SaveAsync(User.UserId(), Kind, Answers, cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Answers));
            return Page();
        }

        Saved = true;
        TempData.Carry(outcome.Value.Safety ?? SafetyView.None);
        return Redirect(Request.Path);
    }

    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        Journey = await reader.GetAsync(User.UserId(), cancellationToken);
        History = await handler.HistoryAsync(User.UserId(), Kind, cancellationToken);
        if (Reconciliation && Journey.Profile.SafetyPivot)
        {
            Refusal = Rekindle.Core.Journey.JourneyGuide.SafetyReason;
        }
    }

    protected IActionResult Refused()
    {
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }
}
