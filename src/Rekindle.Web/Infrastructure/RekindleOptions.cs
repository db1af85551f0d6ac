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

    public string ResolveDataDirectory() =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "data")
            : DataDirectory);
}

public enum DatabaseProvider { Sqlite, Postgres }
