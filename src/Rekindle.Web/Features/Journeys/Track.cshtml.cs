using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

/// <summary>The healing track: where the user stands, the waiting week and its reflection, and when the track began and ended.</summary>
public sealed class TrackModel(ReconciliationGate gate) : PageModel
{
    [BindProperty]
    public ReflectionInput Input { get; set; } = new();

    public TrackView Track { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Track = await gate.TrackAsync(User.UserId(), cancellationToken);
        Input.Text = Track.ReflectionWritten ? Track.Reflection : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await gate.ReflectAsync(User.UserId(), Input, cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            Track = await gate.TrackAsync(User.UserId(), cancellationToken);
            return Page();
        }

        return Redirect("/healing/track");
    }
}
