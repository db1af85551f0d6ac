using Microsoft.Net.Http.Headers;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// Two guards on every request that changes something (POST, PUT, PATCH, DELETE), pages and API alike:
/// <list type="bullet">
/// <item>A request another site started is refused with 403: the browser says so in Sec-Fetch-Site
/// (cross-site or same-site; same-origin and none pass), and when a browser sends no Sec-Fetch-Site its Origin
/// must name this host. The session cookie is SameSite=Lax, which a same-site page (another subdomain) still
/// gets; this closes that door for logout and sign-out-everywhere too, which have no body to forge.</item>
/// <item>An /api call with a body must send it as application/json (UTF-8): a simple form (text/plain,
/// form-urlencoded, multipart) is refused with 415, so no page can post to the API without CORS.</item>
/// </list>
/// A client that is not a browser sends neither header and is judged by its cookie alone. There are no
/// bearer tokens: every API call is signed in by the session cookie.
/// </summary>
public sealed class RequestOriginGuard(RequestDelegate next, Microsoft.AspNetCore.Http.IProblemDetailsService problems, ILogger<RequestOriginGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var isApi = request.Path.StartsWithSegments("/api");
        if (!IsSameOrigin(request))
        {
            logger.LogWarning("Refused a {Method} request started by another site.", request.Method);
            await RefuseAsync(context, isApi, StatusCodes.Status403Forbidden, "This request came from another site.", "Requests that change something must come from Rekindle's own pages.");
            return;
        }

        if (isApi && !IsJsonOrEmpty(request))
        {
            await RefuseAsync(context, isApi, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", "Send the request body as application/json (UTF-8).");
            return;
        }

        await next(context);
    }

    /// <summary>Sec-Fetch-Site when the browser sends it; otherwise Origin against Host; neither (not a browser): allowed.</summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite.Equals("same-origin", StringComparison.OrdinalIgnoreCase) || fetchSite.Equals("none", StringComparison.OrdinalIgnoreCase);
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        // "null" (a sandboxed frame, a file, a redirect across sites) is never this host.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !request.Host.HasValue)
        {
            return false;
        }

        // Ports as the Host header gives them: none there means the scheme's default in the Origin too.
        var host = request.Host;
        return string.Equals(uri.IdnHost.Trim('[', ']'), host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            && (host.Port is { } port ? uri.Port == port : uri.IsDefaultPort);
    }

    private static bool IsJsonOrEmpty(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType))
        {
            // No content type: only an empty body passes (a logout with nothing to say).
            return request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any(v => v?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true);
        }

        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private async Task RefuseAsync(HttpContext context, bool isApi, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (isApi)
        {
            await problems.WriteAsync(new Microsoft.AspNetCore.Http.ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
            });
        }
    }
}
