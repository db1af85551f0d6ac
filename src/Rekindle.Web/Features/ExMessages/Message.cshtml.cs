using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.ExMessages;

public sealed class MessageModel(ExMessageHandler handler) : PageModel
{
    public ExMessageView Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await handler.FindAsync(User.UserId(), id, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        Message = message;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.DeleteAsync(User.UserId(), id, cancellationToken) ? Redirect("/ex-messages") : NotFound();
}
