using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Api;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Settings;

public sealed record DeleteAccountInput(string? Password);

public static class SettingsApi
{
    public static void MapSettingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/account").WithTags("Account and data");
        group.MapGet("/export", async (ClaimsPrincipal user, DataTransferHandler transfer, CancellationToken ct) =>
            TypedResults.Text(System.Text.Json.JsonSerializer.Serialize(await transfer.ExportAsync(user.UserId(), ct), ExportJson.Options), "application/json"));

        // A refused import names the problem in "detail" and, when it is one place in the file, keys it by that path in "errors".
        group.MapPost("/import", async Task<Results<NoContent, ProblemHttpResult>> (HttpRequest request, ClaimsPrincipal user, DataTransferHandler transfer, CancellationToken ct) =>
        {
            var problem = await transfer.ImportWithPathAsync(user.UserId(), request.Body, ct);
            return problem is null ? TypedResults.NoContent() : TypedResults.Problem(problem.Message, statusCode: StatusCodes.Status400BadRequest,
                extensions: problem.Path is { } path ? new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [path] = [problem.Message] } } : null);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(DataTransferHandler.MaxImportBytes));

        group.MapPost("/sign-out-everywhere", async (ClaimsPrincipal user, AccountHandler account) =>
        {
            await account.SignOutEverywhereAsync(user.UserId());
            return TypedResults.NoContent();
        });

        group.MapPost("/delete", async Task<Results<NoContent, ValidationProblem>> (DeleteAccountInput input, ClaimsPrincipal user, AccountHandler account) =>
        {
            var errors = await account.DeleteAccountAsync(user.UserId(), input.Password);
            return errors.Any ? errors.Problem() : TypedResults.NoContent();
        }).RequireRateLimiting(RateLimits.Account);
    }
}
