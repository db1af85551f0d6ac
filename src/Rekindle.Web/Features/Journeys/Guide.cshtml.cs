using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Core.Journey;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

/// <summary>A guide for a hard moment. On the healing track a main-program guide gives way to the healing guide that stands in for it.</summary>
public sealed class GuideModel(ProgramContent content, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher) : PageModel
{
    public GuideContent Guide { get; private set; } = null!;

    public Track Track { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Track = (await db.GetOrCreateAsync(cipher, User.UserId(), cancellationToken)).Track();
        if (content.GuideFor(Track, slug) is not { } guide)
        {
            return NotFound();
        }

        if (guide.Id != slug)
        {
            return Redirect($"/guides/{guide.Id}");
        }

        Guide = guide;
        return Page();
    }
}
