using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Incidents;

public sealed class NewModel(IncidentHandler handler, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, TimeProvider clock) : PageModel
{
    [BindProperty]
    public IncidentInput Input { get; set; } = new();

    /// <summary>The form opens on today's date; most entries are written the day it happened.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Input.Date = (await db.GetOrCreateAsync(cipher, User.UserId(), cancellationToken)).Today(clock);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.CreateAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        return Redirect($"/incidents/{outcome.Value.Id}");
    }
}
