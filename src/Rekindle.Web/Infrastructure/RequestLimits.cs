using Microsoft.AspNetCore.Http.Features;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// How much a request may carry (docs/adr/0004-request-limits.md). Small by default: nothing a person types
/// comes near 1 MB; only the data import is larger, and it raises the limit for itself alone.
/// </summary>
public static class RequestLimits
{
    /// <summary>Any request body, unless its endpoint says otherwise (Kestrel's default is 30 MB).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Fields in one form: our longest form has about a dozen.</summary>
    public const int MaxFormFields = 256;

    /// <summary>Nesting in a JSON body: our deepest request is two levels; an import document about six.</summary>
    public const int MaxJsonDepth = 32;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueCountLimit = MaxFormFields;
            form.KeyLengthLimit = 256;
            // Any value that fits in the body reaches the page, which answers with a field message when it is too long.
            form.ValueLengthLimit = (int)MaxBodyBytes;
            form.MultipartBodyLengthLimit = MaxBodyBytes;
        });
        return builder;
    }

    /// <summary>
    /// The status for an exception thrown while reading a request: the body was too large (413) or malformed (400).
    /// Anything else is our fault (500).
    /// </summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}

/// <summary>
/// A larger body for one handler of a page (the Settings import), while the page's other handlers keep the 1 MB
/// limit. Razor Pages can't put [RequestSizeLimit] on a single handler; <see cref="RequestSizeGuard"/> reads this.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HandlerRequestSizeLimitAttribute(string handler, long maxBodyBytes) : Attribute
{
    public string Handler { get; } = handler;

    public long MaxBodyBytes { get; } = maxBodyBytes;
}
