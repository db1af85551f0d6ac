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

    public IReadOnlyList<LetterView> Letters => List.Letters;

    /// <summary>The letters list is paged like the incident log (20 to a page, newest first).</summary>
    public LetterPage List { get; private set; } = new([], 1, 1, 0);

    /// <summary>Help for the letter just saved, when the crisis reader found danger in it (carried by level and kind only).</summary>
    public SafetyView Safety { get; private set; } = SafetyView.None;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Safety = await safety.CarriedAsync(TempData, User.UserId(), cancellationToken);
        // "page" is read from the query: Razor Pages keeps that name for its own route value.
        List = await handler.ListPageAsync(User.UserId(), Search, int.TryParse(Request.Query["page"], out var page) ? page : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.CreateAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken: cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            List = await handler.ListPageAsync(User.UserId(), null, null, cancellationToken);
            return Page();
        }

        TempData.Carry(outcome.Value.Safety ?? SafetyView.None);
        return Redirect("/letters");
    }
}
