using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Core.Content;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.NoContact.Contacts;

public sealed class EditModel(NoContactHandler handler, RekindleDbContext db, Rekindle.Web.Infrastructure.Privacy.UserCipher cipher, ProgramContent content) : PageModel
{
    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    /// <summary>The page's words on the user's track (the healing track names contact without "reaching out").</summary>
    public PageStrings Words { get; private set; } = content.Strings;

    private async Task UseTrackWordsAsync(CancellationToken cancellationToken) =>
        Words = content.StringsFor((await db.GetOrCreateAsync(cipher, User.UserId(), cancellationToken)).Track());

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await UseTrackWordsAsync(cancellationToken);
        var contact = await handler.FindContactAsync(User.UserId(), id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }

        Contact = contact.ToInput();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await UseTrackWordsAsync(cancellationToken);
        var outcome = await handler.UpdateContactAsync(User.UserId(), id, Contact, FieldErrors.FromBinding(ModelState, nameof(Contact)), cancellationToken);
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Invalid:
                outcome.Errors.CopyTo(ModelState, nameof(Contact));
                return Page();
            default:
                TempData.Carry(outcome.Value!.Safety ?? SafetyView.None);
                return Redirect("/no-contact");
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.DeleteContactAsync(User.UserId(), id, cancellationToken) ? Redirect("/no-contact") : NotFound();
}
