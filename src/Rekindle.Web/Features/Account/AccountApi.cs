using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Account;

public static class AccountApi
{
    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Account");
        group.MapPost("/register", async Task<Results<NoContent, ValidationProblem>> (RegisterInput input, AccountHandler handler, CancellationToken ct) =>
        {
            var errors = await handler.RegisterAsync(input, ct);
            return errors.Any ? errors.Problem() : TypedResults.NoContent();
        }).AllowAnonymous().RequireRateLimiting(RateLimits.Account);

        group.MapPost("/login", async Task<Results<NoContent, ProblemHttpResult>> (SignInInput input, AccountHandler handler) =>
            await handler.SignInAsync(input) switch
            {
                SignInStatus.SignedIn => TypedResults.NoContent(),
                SignInStatus.LockedOut => TypedResults.Problem("Too many failed attempts. Try again in 15 minutes.", statusCode: StatusCodes.Status423Locked),
                _ => TypedResults.Problem("That email and password don't match an account.", statusCode: StatusCodes.Status401Unauthorized),
            }).AllowAnonymous().RequireRateLimiting(RateLimits.Account);

        group.MapPost("/logout", async (AccountHandler handler) =>
        {
            await handler.SignOutAsync();
            return TypedResults.NoContent();
        });
    }
}
