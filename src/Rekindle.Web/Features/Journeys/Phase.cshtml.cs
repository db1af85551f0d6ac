using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed class PhaseModel(ProgramContent content, JourneyHandler handler) : PageModel
{
    public PhaseContent Phase { get; private set; } = null!;
    public ProgramContent Words => content;
    public ReconciliationRefusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string phase, CancellationToken cancellationToken)
    {
        if (!Phases.TryParse(phase, out var parsed))
        {
            return NotFound();
        }

        Phase = content.Phases[parsed];
        Refusal = await handler.PhaseRefusalAsync(User.UserId(), parsed, cancellationToken);
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }
}
