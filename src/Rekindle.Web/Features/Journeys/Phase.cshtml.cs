using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed class PhaseModel(ProgramContent content, RekindleDbContext db) : PageModel
{
    public PhaseContent Phase { get; private set; } = null!;
    public ProgramContent Words => content;
    public string? Refusal { get; private set; }

    /// <summary>The guides this phase lists on the user's track.</summary>
    public IReadOnlyList<GuideContent> Guides { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string phase, CancellationToken cancellationToken)
    {
        if (!Phases.TryParse(phase, out var parsed))
        {
            return NotFound();
        }

        var profile = await db.GetOrCreateAsync(User.UserId(), cancellationToken);
        Phase = content.PhaseFor(profile.Track(), parsed);
        Guides = content.GuidesFor(profile.Track(), parsed);
        if (JourneyGuide.Access(parsed, profile.SafetyPivot) is { Allowed: false, Reason: var reason })
        {
            Refusal = reason;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }
}
