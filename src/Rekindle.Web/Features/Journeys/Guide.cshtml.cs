using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;

namespace Rekindle.Web.Features.Journeys;

public sealed class GuideModel(ProgramContent content) : PageModel
{
    public GuideContent Guide { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (!content.Guides.TryGetValue(id, out var guide))
        {
            return NotFound();
        }

        Guide = guide;
        return Page();
    }
}
