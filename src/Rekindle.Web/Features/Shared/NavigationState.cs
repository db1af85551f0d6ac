using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Shared;

/// <summary>What the layout needs to know about the signed-in user, read once per request.</summary>
public sealed class NavigationState(RekindleDbContext db, IHttpContextAccessor http)
{
    private bool? noContactActive;

    /// <summary>While no contact is on, every page offers the urge interrupt.</summary>
    public async Task<bool> NoContactActiveAsync()
    {
        if (noContactActive is { } known)
        {
            return known;
        }

        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is null)
        {
            return false;
        }

        // A page that read the profile this request left it in the context; only ask the database otherwise.
        var userId = user.UserId();
        noContactActive = db.Profiles.Local.FirstOrDefault(p => p.UserId == userId) is { } loaded
            ? loaded.NoContactStartedOn is not null
            : await db.Profiles.AnyAsync(p => p.UserId == userId && p.NoContactStartedOn != null);
        return noContactActive.Value;
    }

    /// <summary>The PIN lock's idle minutes when the user has a PIN, for the page's idle timer; otherwise null.</summary>
    public async Task<int?> LockAfterMinutesAsync()
    {
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is null)
        {
            return null;
        }

        if (Security.SessionValidator.LockMinutes(http.HttpContext!) is (true, var minutes))
        {
            return minutes;
        }

        var userId = user.UserId();
        return await db.Set<Security.AppLock>().Where(l => l.UserId == userId).Select(l => (int?)l.IdleMinutes).SingleOrDefaultAsync();
    }
}
