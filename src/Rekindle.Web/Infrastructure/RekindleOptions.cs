namespace Rekindle.Web.Infrastructure;

/// <summary>Settings under "Rekindle" (environment: Rekindle__DataDirectory, Rekindle__Port, ...).</summary>
public sealed class RekindleOptions
{
    public const string Section = "Rekindle";

    /// <summary>Where the SQLite database and local keys live. Default: a "data" folder beside the app.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string DatabaseProvider { get; set; } = "Sqlite";

    /// <summary>The port to listen on when no URLs are given. Default 5080.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>
    /// Where "Leave quickly" (and Esc pressed twice) goes: somewhere that looks ordinary to someone glancing at
    /// the screen. An absolute http(s) address or a path on this site.
    /// </summary>
    public string QuickExitUrl { get; set; } = DefaultQuickExitUrl;

    public const string DefaultQuickExitUrl = "https://www.google.com/search?q=weather";

    /// <summary>The quick exit address, or the default if the configured one is not a plain web address or local path.</summary>
    public string SafeQuickExitUrl() =>
        QuickExitUrl is { Length: > 0 } url
        && ((url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            ? url
            : DefaultQuickExitUrl;

    public string ResolveDataDirectory() =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "data")
            : DataDirectory);
}

public enum DatabaseProvider { Sqlite, Postgres }
