using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Assessments;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed class StagesModel(StageHandler stages, AssessmentHandler assessments, JourneyReader reader, ProgramContent content, SafetyNet safety, PageStrings strings) : PageModel
{
    [BindProperty]
    public StageInput Input { get; set; } = new();

    [BindProperty]
    public AssessmentAnswers CheckIn { get; set; } = new();

    public ProgramContent Words => content;
    public JourneyView Journey { get; private set; } = null!;
    public IReadOnlyList<StageEventView> Events { get; private set; } = [];
    public IReadOnlyList<AssessmentView> CheckIns { get; private set; } = [];
    public string? Furthest { get; private set; }
    public string? Next { get; private set; }

    /// <summary>Set while the reconciliation policy closes the stage tracker: the page explains instead.</summary>
    public ReconciliationRefusal? Refusal { get; private set; }
    /// <summary>Help for the note just saved, when the crisis reader found danger in it (carried by level and kind only).</summary>
    public SafetyView Safety { get; private set; } = SafetyView.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Safety = await safety.CarriedAsync(TempData, User.UserId(), cancellationToken);
        // No stage or day is chosen for the user: one tap on "Log it" must not log a stage they didn't pick.
        await LoadAsync(cancellationToken);
        return Status();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await stages.LogAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Refusal is not null)
        {
            await LoadAsync(cancellationToken);
            Refusal = outcome.Refusal;
            return Status();
        }

        if (outcome.Value is null)
        {
            // The second step for a stage that ends no contact: asked in the form, not shown as a mistake.
            if (outcome.Errors.Fields.Contains(StageHandler.ConfirmBreakingNoContactField))
            {
                ConfirmContact = outcome.Errors.FirstMessage();
            }
            else
            {
                outcome.Errors.CopyTo(ModelState, nameof(Input));
            }

            await LoadAsync(cancellationToken);
            return Status();
        }

        // Help for what was written comes first: it is shown here, before the way on to healing.
        var help = outcome.Value.Safety ?? SafetyView.None;
        TempData.Carry(help);
        return Redirect(outcome.Value is { Stage: "outcome", Outcome: "no" } && !help.ShowsHelp ? "/healing" : "/stages");
    }

    /// <summary>The days to wait for a reply before the next step.</summary>
    [BindProperty]
    public int? WaitDays { get; set; }

    public async Task<IActionResult> OnPostWaitDaysAsync(CancellationToken cancellationToken)
    {
        var outcome = await stages.SetWaitDaysAsync(User.UserId(), WaitDays, cancellationToken);
        await LoadAsync(cancellationToken);
        if (outcome.Refusal is not null)
        {
            Refusal = outcome.Refusal;
            return Status();
        }

        if (outcome.Value is null)
        {
            ModelState.AddModelError(nameof(WaitDays), outcome.Errors.FirstMessage());
            return Page();
        }

        return Redirect("/stages#no-reply");
    }

    /// <summary>The road after silence, one tap each: the one gentle follow-up, or letting it rest (then acceptance).</summary>
    public async Task<IActionResult> OnPostSilenceAsync(string? step, bool confirm, CancellationToken cancellationToken)
    {
        var input = new StageInput { Stage = step is NoReply.FollowUp or NoReply.LetItRest ? step : "", ConfirmBreakingNoContact = confirm };
        var outcome = await stages.LogAsync(User.UserId(), input, cancellationToken: cancellationToken);
        await LoadAsync(cancellationToken);
        if (outcome.Refusal is not null)
        {
            Refusal = outcome.Refusal;
            return Status();
        }

        if (outcome.Value is null)
        {
            if (outcome.Errors.Fields.Contains(StageHandler.ConfirmBreakingNoContactField))
            {
                SilenceConfirmContact = outcome.Errors.FirstMessage();
            }
            else
            {
                SilenceProblem = outcome.Errors.FirstMessage();
            }

            return Page();
        }

        return Redirect(step == NoReply.LetItRest ? "/healing" : "/stages#no-reply");
    }

    public string? SilenceProblem { get; private set; }

    /// <summary>Set when the follow-up would end no contact: the silence card asks before logging it.</summary>
    public string? SilenceConfirmContact { get; private set; }

    /// <summary>Set when the stage in the form would end no contact: the form asks before logging it.</summary>
    public string? ConfirmContact { get; private set; }

    /// <summary>The words for a logged stage: the tracker's stages, or the silence road's own two.</summary>
    public string StageTitle(string id) => id switch
    {
        NoReply.FollowUp => strings["stages.silence.follow-up-logged"],
        NoReply.LetItRest => strings["stages.silence.let-it-rest-logged"],
        _ => Words.Stages.FirstOrDefault(s => s.Id == id)?.Title ?? id,
    };

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await stages.DeleteAsync(User.UserId(), id, cancellationToken) ? Redirect("/stages") : NotFound();

    /// <summary>The couple's check-in once they are back together.</summary>
    public async Task<IActionResult> OnPostCheckInAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var outcome = await assessments.SaveAsync(User.UserId(), AssessmentKinds.Rebuild, CheckIn, cancellationToken: cancellationToken);
        if (outcome.Refusal is not null)
        {
            Refusal = outcome.Refusal;
            return Status();
        }

        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(CheckIn));
            return Page();
        }

        TempData.Carry(outcome.Value.Safety ?? SafetyView.None);
        return Redirect("/stages#rebuild");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Journey = await reader.GetAsync(User.UserId(), cancellationToken);
        Events = await stages.ListAsync(User.UserId(), cancellationToken);
        CheckIns = await assessments.HistoryAsync(User.UserId(), AssessmentKinds.Rebuild, cancellationToken);
        Furthest = StageTracker.Furthest(Events.Select(e => e.Stage));
        Next = StageTracker.Next(Furthest);
        Refusal = await stages.RefusalAsync(User.UserId(), cancellationToken);
    }

    private PageResult Status()
    {
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }
}
