using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Tests.Infrastructure;

namespace Rekindle.Web.Tests.Features;

/// <summary>
/// The schema the migration scripts build must be the schema the EF model expects. The expected schema is
/// built by EF itself in a scratch database; both are read back from the database catalogue and compared.
/// </summary>
public abstract class SchemaTests(AppFactory app)
{
    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        _ = app.Server;
        var migrated = Describe(app.Provider, app.ConnectionString);

        var (scratch, drop) = ScratchDatabase(app.Provider);
        try
        {
            var options = new DbContextOptionsBuilder<RekindleDbContext>();
            Database.Configure(options, app.Provider, scratch);
            await using (var db = new RekindleDbContext(options.Options))
            {
                await db.Database.EnsureCreatedAsync();
            }

            var expected = Describe(app.Provider, scratch);
            Assert.Equal(expected.Except(migrated).ToList(), []);
            Assert.Equal(migrated.Except(expected).ToList(), []);
            Assert.Contains(migrated, line => line.StartsWith("column Contacts.Note", StringComparison.Ordinal));
        }
        finally
        {
            drop();
        }
    }

    [Fact]
    public void Migrating_again_is_a_no_op()
    {
        _ = app.Server;
        var before = Describe(app.Provider, app.ConnectionString);
        Database.Migrate(app.Provider, app.ConnectionString);
        Assert.Equal(before, Describe(app.Provider, app.ConnectionString));
    }

    /// <summary>An empty database beside the test's own, and how to remove it.</summary>
    internal static (string ConnectionString, Action Drop) ScratchDatabase(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"rekindle-expected-{Guid.NewGuid():N}.db");
            return ($"Data Source={file};Pooling=False", () => File.Delete(file));
        }

        var name = $"rekindle_expected_{Guid.NewGuid():N}";
        Execute(PostgresApp.ServerConnectionString, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = name }.ToString();
        return (connectionString, () =>
        {
            NpgsqlConnection.ClearAllPools();
            Execute(PostgresApp.ServerConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Every table, column, index and constraint as one sorted line each.</summary>
    internal static List<string> Describe(DatabaseProvider provider, string connectionString)
    {
        using var connection = Database.OpenConnection(provider, connectionString);
        var lines = provider == DatabaseProvider.Sqlite ? DescribeSqlite(connection) : DescribePostgres(connection);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<string> DescribeSqlite(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_history'")
            .Select(r => r[0]!).ToList();
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(Query(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')")
                .Select(r => $"column {table}.{r[0]} {r[1]} notnull={r[2]} pk={r[3]}"));
            foreach (var index in Query(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"))
            {
                var columns = string.Join(",", Query(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno").Select(r => r[0]));
                lines.Add($"index {table}.{index[0]} unique={index[1]} ({columns})");
            }

            lines.AddRange(Query(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')")
                .Select(r => $"fk {table}.{r[1]} -> {r[0]}.{r[2]} on delete {r[3]}"));
        }

        return lines;
    }

    /// <summary>Quartz's tables (qrtz_*) are created and versioned by Quartz itself (ADR 0005), not by our migrations.</summary>
    private static List<string> DescribePostgres(DbConnection connection)
    {
        var lines = new List<string>();
        lines.AddRange(Query(connection, """
            SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, coalesce(c.character_maximum_length::text, ''), c.is_identity
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'schema_history' AND c.table_name NOT LIKE 'qrtz_%'
            """).Select(r => $"column {r[0]}.{r[1]} {r[2]}({r[4]}) nullable={r[3]} identity={r[5]}"));
        lines.AddRange(Query(connection, "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_history' AND tablename NOT LIKE 'qrtz_%'")
            .Select(r => $"index {r[0]}: {r[1]}"));
        lines.AddRange(Query(connection, """
            SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
            WHERE con.connamespace = 'public'::regnamespace AND rel.relname <> 'schema_history' AND rel.relname NOT LIKE 'qrtz_%'
            """).Select(r => $"constraint {r[0]}.{r[1]}: {r[2]}"));
        return lines;
    }

    private static List<string?[]> Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}

public sealed class SchemaSqliteTests(SqliteApp app) : SchemaTests(app), IClassFixture<SqliteApp>;

public sealed class SchemaPostgresTests(PostgresApp app) : SchemaTests(app), IClassFixture<PostgresApp>;
