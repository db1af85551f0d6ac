using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journal;

public sealed class NewModel(JournalHandler handler) : PageModel
{
    [BindProperty]
    public JournalInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? RequestedKind { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Kind = RequestedKind switch { "reframe" => JournalKind.Reframe, "prompt" => JournalKind.Prompt, _ => JournalKind.Free };
        if (Input.Kind == JournalKind.Prompt)
        {
            Input.Prompt = (await handler.TodaysPromptAsync(User.UserId(), cancellationToken)).Prompt;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Kind ??= JournalKind.Free;
        var outcome = await handler.CreateAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            return Page();
        }

        return Redirect($"/journal/{outcome.Value.Id}");
    }
}
