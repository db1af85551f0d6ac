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

        group.MapPost("/import", async Task<Results<NoContent, ProblemHttpResult>> (HttpRequest request, ClaimsPrincipal user, DataTransferHandler transfer, CancellationToken ct) =>
        {
            var error = await transfer.ImportAsync(user.UserId(), request.Body, ct);
            return error is null ? TypedResults.NoContent() : TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
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
