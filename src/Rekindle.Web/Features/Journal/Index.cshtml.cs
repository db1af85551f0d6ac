using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journal;

/// <summary>Entries can be long; the 1 MB body limit (RequestLimits) sits well above the entry limit so the handler can say so kindly.</summary>
public sealed class IndexModel(JournalHandler handler) : PageModel
{
    [BindProperty]
    public JournalInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "tag")]
    public string? Tag { get; set; }

    public TodaysPrompt Today { get; private set; } = null!;
    public IReadOnlyList<JournalEntryView> Entries { get; private set; } = [];

    public bool Filtering => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrWhiteSpace(Tag);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new JournalInput { Kind = JournalKind.Prompt, Prompt = Today.Prompt };
    }

    /// <summary>Answers today's prompt straight from the journal page.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Kind = JournalKind.Prompt;
        var outcome = await handler.CreateAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/journal/{outcome.Value.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = await handler.TodaysPromptAsync(User.UserId(), cancellationToken);
        Entries = await handler.ListAsync(User.UserId(), Search, Tag, cancellationToken);
    }
}
