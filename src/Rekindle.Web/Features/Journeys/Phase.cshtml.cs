using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed class PhaseModel(ProgramContent content, JourneyHandler handler, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher) : PageModel
{
    public PhaseContent Phase { get; private set; } = null!;
    public ProgramContent Words => content;
    public ReconciliationRefusal? Refusal { get; private set; }

    /// <summary>The guides this phase lists on the user's track.</summary>
    public IReadOnlyList<GuideContent> Guides { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string phase, CancellationToken cancellationToken)
    {
        if (!Phases.TryParse(phase, out var parsed))
        {
            return NotFound();
        }

        var profile = await db.GetOrCreateAsync(cipher, User.UserId(), cancellationToken);
        Phase = content.PhaseFor(profile.Track(), parsed);
        Guides = content.GuidesFor(profile.Track(), parsed);
        Refusal = await handler.PhaseRefusalAsync(User.UserId(), parsed, cancellationToken);
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }
}
