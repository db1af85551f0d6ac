using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.TriggerDates;

public sealed class EntryModel(TriggerDateHandler handler) : PageModel
{
    [BindProperty]
    public TriggerDateInput Input { get; set; } = new();

    public TriggerDateView Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(User.UserId(), id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Input = new TriggerDateInput { Label = entry.Label, Date = entry.Date, Yearly = entry.Yearly, Version = entry.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await handler.UpdateAsync(User.UserId(), id, Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Invalid:
                outcome.Errors.CopyTo(ModelState, nameof(Input));
                Entry = (await handler.FindAsync(User.UserId(), id, cancellationToken))!;
                return Page();
            default:
                return Redirect("/trigger-dates?saved=true");
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.DeleteAsync(User.UserId(), id, cancellationToken) ? Redirect("/trigger-dates") : NotFound();
}
