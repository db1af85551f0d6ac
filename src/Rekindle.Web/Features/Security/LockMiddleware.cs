namespace Rekindle.Web.Features.Security;

/// <summary>
/// While a session is PIN-locked, only the lock screen, signing out (and leaving quickly), static files and, to read only, crisis help and
/// the user's own safety plan answer. Someone in a hard moment can reach their plan without the PIN; nothing can be
/// changed, and every other page and the API stay locked.
/// </summary>
public sealed class LockMiddleware(RequestDelegate next)
{
    private static readonly string[] Open = ["/lock", "/account/logout", "/account/quick-exit", "/css", "/js", "/img", "/health", "/error"];

    /// <summary>Pages a locked session may read (GET and HEAD only): the safety plan's form is not shown while locked.</summary>
    private static readonly string[] Readable = ["/help", "/safety-plan"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!context.Items.ContainsKey(SessionValidator.LockedItem)
            || Open.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            || ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && Readable.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))))
        {
            return next(context);
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status423Locked;
            return context.Response.WriteAsJsonAsync(new { title = "The app is locked. Unlock it with your PIN.", status = 423 });
        }

        context.Response.Redirect("/lock");
        return Task.CompletedTask;
    }
}
