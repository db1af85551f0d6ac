using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed class ProgramModel(JourneyReader reader, JourneyHandler handler, ProgramContent content) : PageModel
{
    public JourneyView View { get; private set; } = null!;
    public ProgramContent Words => content;

    [TempData]
    public string? Problem { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await reader.GetAsync(User.UserId(), cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(string? phase, CancellationToken cancellationToken)
    {
        var errors = await handler.MoveAsync(User.UserId(), phase, cancellationToken);
        if (errors.Any)
        {
            Problem = errors.FirstMessage();
            return Redirect("/program");
        }

        return Redirect(string.IsNullOrEmpty(phase) ? "/program" : $"/program/{phase}");
    }
}
