using System.Data.Common;
using EvolveDb;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Npgsql;
using Rekindle.Web.Data;

namespace Rekindle.Web.Infrastructure;

/// <summary>Chooses the database provider and keeps its schema current with versioned SQL scripts.</summary>
public static class Database
{
    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration[$"{RekindleOptions.Section}:DatabaseProvider"];
        if (string.IsNullOrWhiteSpace(name) || name.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (name.Equals("postgres", StringComparison.OrdinalIgnoreCase) || name.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        throw new InvalidOperationException($"Rekindle:DatabaseProvider must be \"Sqlite\" or \"Postgres\", not \"{name}\".");
    }

    /// <summary>The connection string: ConnectionStrings:Rekindle if set, else a SQLite file in the data folder.</summary>
    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, RekindleOptions options)
    {
        var configured = configuration.GetConnectionString("Rekindle");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("PostgreSQL needs ConnectionStrings:Rekindle (for example the environment variable ConnectionStrings__Rekindle).");
        }

        var dataDirectory = options.ResolveDataDirectory();
        OwnerOnlyFiles.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "rekindle.db"),
            Pooling = true,
        }.ToString();
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(WithPoolDefaults(connectionString));
        }
        else
        {
            builder.UseSqlite(connectionString).AddInterceptors(SqliteStatementReuse.Instance);
#pragma warning disable EF1001 // EF's internal service interface; see KeptOpenSqliteConnection.
            builder.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001
        }
    }

    /// <summary>
    /// Npgsql settings the app's queries run with, each added only when the connection string does not set it (an
    /// operator's own value wins):
    /// <list type="bullet">
    /// <item>Max Auto Prepare=64, Auto Prepare Min Usages=2: Npgsql prepares a statement on the server once it has run
    /// twice on a physical connection (its pool keeps those connections), so later runs skip PostgreSQL's parsing and
    /// planning. 0 turns it off, as a PgBouncer in transaction mode older than 1.21 needs.</item>
    /// <item>No Reset On Close=true: otherwise every connection taken from the pool sends a reset first (RESET ALL,
    /// CLOSE ALL, UNLISTEN, advisory unlock, DISCARD), which was about a third of PostgreSQL's CPU time per dashboard.
    /// The app's queries leave no session state to reset (no SET, LISTEN, advisory locks or temporary tables; the
    /// migration's lock is taken on a connection of its own), and Npgsql still rolls back a transaction left open.</item>
    /// </list>
    /// </summary>
    internal static string WithPoolDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }

    /// <summary>
    /// Run on every SQLite connection the app opens: SQLite overwrites deleted content with zeros instead of only
    /// marking its space free, so a deleted account's rows cannot be read back out of the file. (It is per connection:
    /// a write on a connection without it leaves the old bytes.)
    /// </summary>
    public const string SecureDelete = "PRAGMA secure_delete=ON;";

    public static DbConnection OpenConnection(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        connection.Open();
        if (connection is SqliteConnection)
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = SecureDelete;
            pragma.ExecuteNonQuery();
        }

        return connection;
    }

    /// <summary>
    /// On SQLite, copies the write-ahead log into the database file and empties it (TRUNCATE): after a delete, the
    /// log would otherwise keep earlier copies of the deleted pages until the next automatic checkpoint. Waits for
    /// readers through the busy timeout; if one still holds the log, the next checkpoint empties it. Nothing on
    /// PostgreSQL (see docs/threat-model.md).
    /// </summary>
    public static async Task CheckpointAsync(RekindleDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
    }

    /// <summary>
    /// Applies the pending migration scripts for the provider (Data/Migrations/sqlite or postgres).
    /// Evolve takes a lock on PostgreSQL, so several instances starting together migrate once.
    /// </summary>
    /// <param name="targetVersion">Stop at this script version (tests build an earlier release's schema with it); null for all.</param>
    public static void Migrate(DatabaseProvider provider, string connectionString, Action<string>? log = null, string? targetVersion = null)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            // Owner-only before SQLite creates anything: its -wal and -shm files copy the database file's permissions.
            OwnerOnlyFiles.PrepareSqliteDatabase(connectionString);
        }

        using var connection = OpenConnection(provider, connectionString);
        if (provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging: readers don't block the writer, and a crash never leaves a torn write.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            pragma.ExecuteNonQuery();
        }

        var folder = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var evolve = new Evolve(connection, log ?? (_ => { }))
        {
            EmbeddedResourceAssemblies = [typeof(Database).Assembly],
            EmbeddedResourceFilters = [$"Rekindle.Web.Data.Migrations.{folder}."],
            MetadataTableName = "schema_history",
            IsEraseDisabled = true,
            EnableClusterMode = true,
        };
        if (targetVersion is not null)
        {
            evolve.TargetVersion = new EvolveDb.Migration.MigrationVersion(targetVersion);
        }

        evolve.Migrate();
    }
}
