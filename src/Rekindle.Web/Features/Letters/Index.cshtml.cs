using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rekindle.Web.Features.Shared;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Letters;

[RequestFormLimits(ValueLengthLimit = NoContact.IndexModel.FormLimitBytes)]
[RequestSizeLimit(NoContact.IndexModel.FormLimitBytes * 2)]
public sealed class IndexModel(LettersHandler handler) : PageModel
{
    [BindProperty]
    public LetterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<LetterView> Letters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Letters = await handler.ListAsync(User.UserId(), Search, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await handler.CreateAsync(User.UserId(), Input, FieldErrors.FromBinding(ModelState, nameof(Input)), cancellationToken: cancellationToken);
        if (outcome.Value is null)
        {
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            Letters = await handler.ListAsync(User.UserId(), null, cancellationToken);
            return Page();
        }

        return Redirect("/letters");
    }
}
