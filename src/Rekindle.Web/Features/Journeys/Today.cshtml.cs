using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Assessments;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journeys;

public sealed class TodayModel(TodayHandler handler) : PageModel
{
    public TodayView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? day, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(User.UserId(), day, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int day, PlanItem item, bool done, CancellationToken cancellationToken) =>
        ModelState.IsValid && await handler.SetAsync(User.UserId(), day, item, done, cancellationToken)
            ? Redirect(day == await handler.TodayNumberAsync(User.UserId(), cancellationToken) ? "/today" : $"/today?day={day}")
            : NotFound();
}
