using Microsoft.AspNetCore.Http.Metadata;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// Turns away a body that announces itself as too large before anything reads it, with 413 and the plain
/// "too large" page. Without this, the form reader's failure surfaces as an expired-form 400. Kestrel still
/// enforces the same limit on bodies sent without a length.
/// </summary>
public sealed class RequestSizeGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The status page for a 413 runs through here again with the same request: let it render.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            return next(context);
        }

        var endpoint = context.GetEndpoint();
        var limit = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } endpointLimit
            ? endpointLimit.MaxRequestBodySize
            : RequestLimits.MaxBodyBytes;
        if (endpoint?.Metadata.GetMetadata<HandlerRequestSizeLimitAttribute>() is { } handlerLimit
            && string.Equals(context.Request.Query["handler"].ToString(), handlerLimit.Handler, StringComparison.OrdinalIgnoreCase))
        {
            limit = handlerLimit.MaxBodyBytes;
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = limit;
            }
        }

        if (limit is { } max && context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            return Task.CompletedTask;
        }

        return next(context);
    }
}
