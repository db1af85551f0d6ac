using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Security;

/// <summary>One way to call one endpoint of the app, read from its EndpointDataSource.</summary>
public sealed record EndpointCall(string Pattern, string Method, bool IsPage, bool IsApi)
{
    public override string ToString() => $"{Method} /{Pattern}";

    /// <summary>The pattern with every route parameter filled in ({id:guid} gets a fresh id).</summary>
    public string Url(string? id = null) =>
        "/" + Regex.Replace(Pattern, "\\{(?<name>[^}:?]+)(?<rest>[^}]*)\\}", match => match.Groups["name"].Value switch
        {
            "documentName" => "v1",
            // Values that satisfy each route's constraint, so the request reaches the endpoint itself.
            _ when match.Groups["rest"].Value.Contains(":int", StringComparison.Ordinal) => "1",
            "item" => "lesson",
            "date" => "2026-11-01",
            _ => id ?? Guid.NewGuid().ToString(),
        });
}

public static class Endpoints
{
    /// <summary>
    /// Every endpoint with every method it answers. Pages answer GET and POST (each handler posts to the
    /// page's own route); minimal API endpoints list their methods.
    /// </summary>
    public static IReadOnlyList<EndpointCall> All(AppFactory app)
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var pattern = endpoint.RoutePattern.RawText!.TrimStart('/');
                var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
                    || endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null;
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                    ?? (isPage ? ["GET", "POST"] : ["GET"]);
                return methods.Select(method => new EndpointCall(pattern, method, isPage, pattern.StartsWith("api/", StringComparison.Ordinal)));
            })
            .DistinctBy(call => (call.Pattern, call.Method))
            .OrderBy(call => call.Pattern, StringComparer.Ordinal)
            .ThenBy(call => call.Method, StringComparer.Ordinal)
            .ToList();
    }
}
