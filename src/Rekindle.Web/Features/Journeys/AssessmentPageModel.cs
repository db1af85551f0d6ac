using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

/// <summary>
/// An assessment page: the latest answers in the form, the history of earlier versions, and each save a new version.
/// Reconciliation tools answer with the healing-track explanation instead while the reconciliation policy closes them.
/// </summary>
public abstract class AssessmentPageModel(AssessmentHandler handler, JourneyReader reader, ProgramContent content) : PageModel
{
    protected abstract string Kind { get; }

    [BindProperty]
    public AssessmentAnswers Answers { get; set; } = new();

    /// <summary>Ticked on the confirmation shown before taking abuse out of the answers while on the healing track.</summary>
    [BindProperty]
    public bool ConfirmLeavingTrack { get; set; }

    /// <summary>True after a save asked for that confirmation: the form shows what changes and the box to tick.</summary>
    public bool AskToConfirmLeaving => ModelState.ContainsKey(AssessmentHandler.ConfirmLeavingTrackField);

    [TempData]
    public bool Saved { get; set; }

    public ProgramContent Words => content;

    protected AssessmentHandler Handler => handler;
    public IReadOnlyList<AssessmentView> History { get; private set; } = [];
    public JourneyView Journey { get; private set; } = null!;
    public ReconciliationRefusal? Refusal { get; protected set; }

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
        var outcome = await handler.SaveAsync(User.UserId(), Kind, Answers, ConfirmLeavingTrack, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            Refusal = refusal;
            return Refused();
        }

        if (outcome.Value is null)
        {
            CopyErrors(outcome.Errors);
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
        Refusal = await handler.RefusalAsync(User.UserId(), Kind, cancellationToken);
    }

    /// <summary>Field errors beside the fields; the leaving-track confirmation under its own key, shown in the form.</summary>
    protected void CopyErrors(FieldErrors errors)
    {
        errors.CopyTo(ModelState, nameof(Answers));
        var key = $"{nameof(Answers)}.{AssessmentHandler.ConfirmLeavingTrackField}";
        if (ModelState.TryGetValue(key, out var entry))
        {
            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove(key);
            foreach (var message in messages)
            {
                ModelState.AddModelError(AssessmentHandler.ConfirmLeavingTrackField, message);
            }
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
