using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rekindle.Web.Features;

[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "We couldn't finish that. Nothing you wrote was lost; try again in a moment.";

    // After an exception the handler has already set the status (413 for a body too large); otherwise ?code= says it.
    public void OnGet(int? code) => Describe(code ?? CurrentError());

    public void OnPost(int? code) => Describe(code ?? CurrentError());

    private int? CurrentError() => Response.StatusCode >= 400 ? Response.StatusCode : null;

    private void Describe(int? code)
    {
        if (code == StatusCodes.Status404NotFound)
        {
            Title = "Not found";
            Message = "There's nothing here. It may have been deleted, or the link is wrong.";
        }
        else if (code == StatusCodes.Status413PayloadTooLarge)
        {
            Title = "That was too large";
            Message = "What you sent was larger than Rekindle accepts. Nothing was saved.";
        }
        else if (code is >= 400 and < 500)
        {
            Title = "That request didn't work";
            Message = "Rekindle couldn't make sense of that request. Nothing was changed.";
        }
    }
}
