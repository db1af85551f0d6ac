using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Rekindle.Core.Time;
using Rekindle.Web.Features.Help;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Situation;

[RequestFormLimits(ValueLengthLimit = 64 * 1024)]
public sealed class IndexModel(SituationHandler handler, CrisisDirectory crisis, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SituationInput Input { get; set; } = new();

    public SituationView View { get; private set; } = null!;
    public bool Saved { get; private set; }
    public DateOnly Today { get; private set; }
    public IEnumerable<SelectListItem> TimeZones => TimeZoneChoices.All;
    public IEnumerable<SelectListItem> Countries => crisis.ByName().Select(c => new SelectListItem(c.Name, c.Code));

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = View.ToInput();
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.SaveAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect(outcome.Value.SafetyScreenDone ? "/situation?saved=true" : "/situation/safety");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        View = await handler.GetAsync(User.UserId(), cancellationToken);
        Today = LocalCalendar.Today(clock, LocalCalendar.FindZoneOrUtc(View.TimeZoneId));
    }
}
