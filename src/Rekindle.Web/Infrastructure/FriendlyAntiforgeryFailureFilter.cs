using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// A form without a valid antiforgery token (forged, or left open across a sign-out) changes nothing and
/// gets a page that says so plainly, instead of a bare 400.
/// </summary>
public sealed class FriendlyAntiforgeryFailureFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new ViewResult
            {
                ViewName = "/Features/Shared/FormExpired.cshtml",
                StatusCode = StatusCodes.Status400BadRequest,
                ViewData = new ViewDataDictionary(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), context.ModelState),
            };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
