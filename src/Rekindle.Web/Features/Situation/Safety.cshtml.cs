using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Situation;

public sealed class SafetyModel(SituationHandler handler) : PageModel
{
    [BindProperty]
    public SafetyInput Input { get; set; } = new();

    public SituationView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await handler.GetAsync(User.UserId(), cancellationToken);
        Input = View.ToSafetyInput();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.SaveSafetyAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            View = await handler.GetAsync(User.UserId(), cancellationToken);
            return Page();
        }

        return outcome.Value.SafetyPivot ? Redirect("/situation/safety") : Redirect("/no-contact");
    }
}
