using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Help;

public static class HelpApi
{
    /// <summary>
    /// GET /api/v1/crisis-resources?country=XX: the country's emergency number, crisis and abuse lines, with
    /// hours and where each was checked. Open to anyone, because help must be reachable signed out. Without a
    /// country it answers the signed-in user's own (or "anywhere else" signed out). A code we don't cover answers
    /// 200 with the "anywhere else" entry (code ZZ) rather than 404: someone in crisis gets the advice to call
    /// their local emergency number and the international directory instead of an error; the code in the answer
    /// tells a client it was not the one asked for.
    /// </summary>
    public static void MapHelpApi(this RouteGroupBuilder api) =>
        api.MapGet("/crisis-resources", async (string? country, ClaimsPrincipal user, CrisisDirectory directory, RekindleDbContext db, CancellationToken ct) =>
            {
                var code = string.IsNullOrWhiteSpace(country) ? null : country.Trim();
                if (code is null && user.Identity?.IsAuthenticated == true)
                {
                    var userId = user.UserId();
                    code = await db.Profiles.Where(p => p.UserId == userId).Select(p => p.CountryCode).SingleOrDefaultAsync(ct);
                }

                return TypedResults.Ok(directory.For(code));
            })
            .AllowAnonymous()
            .WithTags("Help");
}
