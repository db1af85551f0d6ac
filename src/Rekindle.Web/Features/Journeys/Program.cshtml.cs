using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed class ProgramModel(JourneyReader reader, JourneyHandler handler, ProgramContent content) : PageModel
{
    public JourneyView View { get; private set; } = null!;
    public ProgramContent Words => content;

    [TempData]
    public string? Problem { get; set; }

    /// <summary>Set when a move was refused by the reconciliation policy: the page explains before the list.</summary>
    public ReconciliationRefusal? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await reader.GetAsync(User.UserId(), cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(string? phase, CancellationToken cancellationToken)
    {
        var outcome = await handler.MoveAsync(User.UserId(), phase, cancellationToken);
        if (outcome.Refusal is not null)
        {
            Refusal = outcome.Refusal;
            View = await reader.GetAsync(User.UserId(), cancellationToken);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (outcome.Value is null)
        {
            Problem = outcome.Errors.FirstMessage();
            return Redirect("/program");
        }

        return Redirect(string.IsNullOrEmpty(phase) ? "/program" : $"/program/{phase}");
    }
}
