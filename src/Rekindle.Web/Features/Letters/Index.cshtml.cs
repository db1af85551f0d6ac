using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Letters;

public sealed class IndexModel(LettersHandler handler, SafetyNet safety) : PageModel
{
    [BindProperty]
    public LetterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<LetterView> Letters { get; private set; } = [];

    /// <summary>Help for the letter just saved, when the crisis reader found danger in it (carried by level and kind only).</summary>
    public SafetyView Safety { get; private set; } = SafetyView.None;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Safety = await safety.CarriedAsync(TempData, User.UserId(), cancellationToken);
        Letters = await handler.ListAsync(User.UserId(), Search, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.CreateAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken: cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            Letters = await handler.ListAsync(User.UserId(), null, cancellationToken);
            return Page();
        }

        TempData.Carry(outcome.Value.Safety ?? SafetyView.None);
        return Redirect("/letters");
    }
}
