using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Urges;

public sealed class WaitModel(UrgeHandler handler) : PageModel
{
    [BindProperty]
    public UrgeOutcomeInput Outcome { get; set; } = new();

    public UrgeView Urge { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var urge = await handler.FindAsync(User.UserId(), id, cancellationToken);
        if (urge is null)
        {
            return NotFound();
        }

        Urge = urge;
        return Page();
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await handler.ResolveAsync(User.UserId(), id, Outcome, cancellationToken);
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Invalid:
                outcome.Errors.CopyTo(ModelState, nameof(Outcome));
                Urge = (await handler.FindAsync(User.UserId(), id, cancellationToken))!;
                return Page();
            default:
                return Redirect($"/urge/{id}");
        }
    }
}
