using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Journeys;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Situation;

public sealed class SafetyModel(SituationHandler handler, ReconciliationGate gate) : PageModel
{
    [BindProperty]
    public SafetyInput Input { get; set; } = new();

    public SituationView View { get; private set; } = null!;

    /// <summary>The healing track: whether the user is on it, leaving it, and when it opens.</summary>
    public TrackView Track { get; private set; } = null!;

    /// <summary>True after a save asked to confirm leaving the healing track: the form explains and asks.</summary>
    public bool AskToConfirmLeaving => ModelState.ContainsKey($"{nameof(Input)}.{nameof(SafetyInput.ConfirmLeavingTrack)}");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = View.ToSafetyInput();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.SaveSafetyAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (outcome.Value.SafetyPivot)
        {
            return Redirect("/situation/safety");
        }

        return (await gate.TrackAsync(User.UserId(), cancellationToken)).OnTrack ? Redirect("/healing/track") : Redirect("/no-contact");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await handler.GetAsync(User.UserId(), cancellationToken);
        Track = await gate.TrackAsync(User.UserId(), cancellationToken);
    }
}
