namespace Rekindle.Web.Features.Security;

/// <summary>While a session is PIN-locked, only the lock screen, signing out, crisis help and static files answer.</summary>
public sealed class LockMiddleware(RequestDelegate next)
{
    private static readonly string[] Open = ["/lock", "/account/logout", "/help", "/css", "/js", "/img", "/health", "/error"];

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Items.ContainsKey(SessionValidator.LockedItem) || Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status423Locked;
            return context.Response.WriteAsJsonAsync(new { title = "The app is locked. Unlock it with your PIN.", status = 423 });
        }

        context.Response.Redirect("/lock");
        return Task.CompletedTask;
    }
}
