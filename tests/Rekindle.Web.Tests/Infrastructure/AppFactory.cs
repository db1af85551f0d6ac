using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real database: a fresh SQLite file, or a fresh database on the PostgreSQL server the
/// test command starts (its connection string is in REKINDLE_TEST_POSTGRES).
/// </summary>
public abstract class AppFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "REKINDLE_TEST_POSTGRES";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "rekindle-tests", Guid.NewGuid().ToString("N"));

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero));

    public TestLogSink Logs => logs ??= new(MinimumLogLevel);

    /// <summary>The lowest level the test log keeps (and the app's minimum level).</summary>
    protected virtual LogLevel MinimumLogLevel => LogLevel.Debug;

    private TestLogSink? logs;

    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    protected virtual IDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Rekindle:DataDirectory", dataDirectory);
        builder.UseSetting("Rekindle:DatabaseProvider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Rekindle", ConnectionString);
        builder.UseSetting("Rekindle:AccountRequestsPerMinute", "1000");
        builder.UseSetting("Rekindle:SecureCookies", "true");
        // Most tests move the clock by days within one session; SessionLimitsApp tests the real limits.
        builder.UseSetting("Rekindle:Sessions:IdleTimeout", "60.00:00:00");
        builder.UseSetting("Rekindle:Sessions:AbsoluteTimeout", "365.00:00:00");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(MinimumLogLevel));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client that behaves like a browser: cookies kept, HTTPS, redirects not followed.</summary>
    public TestBrowser NewBrowser() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    }));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the OS temp folder is cleaned eventually.
        }

        GC.SuppressFinalize(this);
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;
}

public class SqliteApp : AppFactory
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "rekindle-tests", $"{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={file};Pooling=False";
}

public class PostgresApp : AppFactory
{
    private readonly string databaseName = $"rekindle_test_{Guid.NewGuid():N}";
    private string? connectionString;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => connectionString ??= CreateDatabase();

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: run ./scripts/test.sh, which starts one and sets {PostgresVariable}.");

    private string CreateDatabase()
    {
        using (var admin = new NpgsqlConnection(ServerConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{databaseName}\"";
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = databaseName }.ToString();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (connectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>An app with the product's own session limits (idle and absolute timeouts).</summary>
public sealed class SessionLimitsSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Rekindle:Sessions:IdleTimeout"] = new Rekindle.Web.Features.Security.SessionLimits().IdleTimeout.ToString("c"),
        ["Rekindle:Sessions:AbsoluteTimeout"] = new Rekindle.Web.Features.Security.SessionLimits().AbsoluteTimeout.ToString("c"),
    };
}

public sealed class SessionLimitsPostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Rekindle:Sessions:IdleTimeout"] = new Rekindle.Web.Features.Security.SessionLimits().IdleTimeout.ToString("c"),
        ["Rekindle:Sessions:AbsoluteTimeout"] = new Rekindle.Web.Features.Security.SessionLimits().AbsoluteTimeout.ToString("c"),
    };
}
