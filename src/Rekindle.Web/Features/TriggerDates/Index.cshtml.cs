using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.TriggerDates;

public sealed class IndexModel(TriggerDateHandler handler) : PageModel
{
    [BindProperty]
    public TriggerDateInput Input { get; set; } = new();

    public IReadOnlyList<TriggerDateView> Dates { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Dates = await handler.ListAsync(User.UserId(), cancellationToken);
        Input.Yearly = true;
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.CreateAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            Dates = await handler.ListAsync(User.UserId(), cancellationToken);
            return Page();
        }

        return Redirect("/trigger-dates?saved=true");
    }
}
