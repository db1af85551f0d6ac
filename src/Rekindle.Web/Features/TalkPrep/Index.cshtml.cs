using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.TalkPrep;

/// <summary>The worksheet for the talk: one form, and a printable copy of what is saved.</summary>
public sealed class IndexModel(TalkPrepHandler handler) : PageModel
{
    [BindProperty]
    public TalkPrepInput Input { get; set; } = new();

    /// <summary>What is saved (or, before that, what the inventory gave to start from).</summary>
    public TalkPrepView View { get; private set; } = null!;

    /// <summary>Set while the reconciliation policy closes the way back: the page explains instead.</summary>
    public ReconciliationRefusal? Refusal { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        var outcome = await handler.GetAsync(User.UserId(), cancellationToken);
        if (outcome.Refusal is not null)
        {
            return Refused(outcome.Refusal);
        }

        View = outcome.Value!;
        Input = new TalkPrepInput { Own = View.Own, Changed = View.Changed, Want = View.Want, Ask = View.Ask, WalkAway = View.WalkAway, Version = View.Version };
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.SaveAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Refusal is not null)
        {
            return Refused(outcome.Refusal);
        }

        if (outcome.Value is null)
        {
            // What was typed stays in the form (the model state holds it); the printable copy shows what is saved.
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            var current = await handler.GetAsync(User.UserId(), cancellationToken);
            View = current.Value!;
            return Page();
        }

        return Redirect("/talk-prep?saved=true");
    }

    private PageResult Refused(ReconciliationRefusal refusal)
    {
        Refusal = refusal;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
