using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Journal;

public sealed class EntryModel(JournalHandler handler) : PageModel
{
    [BindProperty]
    public JournalInput Input { get; set; } = new();

    public JournalEntryView Entry { get; private set; } = null!;

    /// <summary>The kind is fixed when an entry is written; the form shows the fields of that kind.</summary>
    public JournalInput WithKind()
    {
        Input.Kind = Entry.Kind;
        Input.Prompt ??= Entry.Prompt;
        return Input;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(User.UserId(), id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Input = new JournalInput
        {
            Kind = entry.Kind, Prompt = entry.Prompt, Body = entry.Body, Tags = string.Join(", ", entry.Tags), Thought = entry.Thought,
            Pattern = entry.Pattern, Kinder = entry.Kinder, Version = entry.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await handler.UpdateAsync(User.UserId(), id, Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken);
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Invalid:
                outcome.Errors.CopyTo(ModelState, nameof(Input));
                Entry = (await handler.FindAsync(User.UserId(), id, cancellationToken))!;
                return Page();
            default:
                return Redirect($"/journal/{id}");
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.DeleteAsync(User.UserId(), id, cancellationToken) ? Redirect("/journal") : NotFound();
}
