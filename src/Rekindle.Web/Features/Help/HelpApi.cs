namespace Rekindle.Web.Features.Help;

public static class HelpApi
{
    public static void MapHelpApi(this RouteGroupBuilder api) =>
        api.MapGet("/crisis-resources", (string? country, CrisisDirectory directory) =>
                TypedResults.Ok(directory.For(country)))
            .AllowAnonymous()
            .WithTags("Help");
}
