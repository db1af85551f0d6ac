using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// The stylesheet, scripts and images: our own files, the same for everyone, with nothing personal in them. Their
/// addresses carry a hash of their content (asp-append-version, "?v=..."), so a versioned address is cached for a
/// year as immutable; an address without the hash is revalidated every time. They alone are compressed (Brotli or
/// gzip): pages are never compressed, since a page with a form token in it must not be (see ReusingAntiforgery).
/// </summary>
public static class StaticFileCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    private static readonly string[] Folders = ["/css", "/js", "/img"];

    public static bool IsStaticAsset(PathString path) => Folders.Any(f => path.StartsWithSegments(f, StringComparison.OrdinalIgnoreCase));

    public static void AddStaticFileCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = System.IO.Compression.CompressionLevel.Optimal);
    }

    /// <summary>Compression for the static folders only, then the files with their cache headers.</summary>
    public static void UseCachedStaticFiles(this WebApplication app)
    {
        app.UseWhen(context => IsStaticAsset(context.Request.Path), assets => assets.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = Prepare });
    }

    private static void Prepare(StaticFileResponseContext file)
    {
        var http = file.Context;
        http.Response.Headers.CacheControl = http.Request.Query.ContainsKey("v") ? Immutable : Revalidate;
    }
}
