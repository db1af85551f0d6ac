using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;

namespace Rekindle.Web.Features.Journeys;

public sealed class GuideModel(ProgramContent content) : PageModel
{
    public GuideContent Guide { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (!content.Guides.TryGetValue(slug, out var guide))
        {
            return NotFound();
        }

        Guide = guide;
        return Page();
    }
}
