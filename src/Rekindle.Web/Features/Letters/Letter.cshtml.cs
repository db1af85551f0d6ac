using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Letters;

public sealed class LetterModel(LettersHandler handler) : PageModel
{
    public LetterView Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var letter = await handler.FindAsync(User.UserId(), id, cancellationToken);
        if (letter is null)
        {
            return NotFound();
        }

        Letter = letter;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.DeleteAsync(User.UserId(), id, cancellationToken) ? Redirect("/letters") : NotFound();
}
