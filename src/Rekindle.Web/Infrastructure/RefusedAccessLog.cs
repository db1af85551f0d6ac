using System.Security.Claims;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// Logs a signed-in user asking for a record that isn't theirs (or doesn't exist): the answer is the same 404
/// either way, but a run of them is worth seeing. Says which user and which route, never the record's content.
/// </summary>
public sealed class RefusedAccessLog(RequestDelegate next, ILogger<RefusedAccessLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status404NotFound
            && context.User.Identity?.IsAuthenticated == true
            && context.GetRouteValue("id") is { } id
            && context.GetEndpoint() is RouteEndpoint endpoint)
        {
            logger.LogWarning(
                "Refused: {Method} {Route} for record {RecordId} by {UserId} (not found or not theirs)",
                context.Request.Method, endpoint.RoutePattern.RawText, id, context.User.FindFirstValue(ClaimTypes.NameIdentifier));
        }
    }
}
