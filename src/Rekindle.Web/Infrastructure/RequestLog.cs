using System.Diagnostics;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// One line per request: method, path, status and time, never the query string (a search is private text) and
/// never a header or body. ASP.NET Core's own request lines carry the query string, so they are kept out of the
/// log (see <see cref="LogPrivacy"/>) and this line takes their place.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            Answered(logger, context.Request.Method, context.Request.PathBase + context.Request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(LogLevel.Information, "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds);
}

/// <summary>
/// Log levels that keep personal text out of every log at every level, set after the configuration's so they win
/// over the same category there. Each category below writes what people typed or searched for at some level:
/// </summary>
public static class LogPrivacy
{
    public static ILoggingBuilder KeepPersonalTextOut(this ILoggingBuilder logging) => logging
        // "Request starting GET /letters?q=…": the query string is a private search (RequestLog logs the path).
        .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)
        // "Executing RedirectResult, redirecting to /journal?q=…" (after sign-in, the return address is a search).
        .AddFilter("Microsoft.AspNetCore.Mvc.Infrastructure", LogLevel.Warning)
        .AddFilter("Microsoft.AspNetCore.Http.Result", LogLevel.Warning)
        // Trace: "Executing handler method … with arguments (what the form said)".
        .AddFilter("Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure", LogLevel.Debug)
        // Debug: "Failed to bind parameter … from "the value sent"".
        .AddFilter("Microsoft.AspNetCore.Http.RequestDelegateFactory", LogLevel.Information)
        // Debug and Information: a malformed request's bad line, query string included.
        .AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Warning)
        // Every SQL statement. Parameter values are never logged (sensitive data logging is never turned on), but
        // the statements are noise at this volume; errors still reach the log.
        .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
}
