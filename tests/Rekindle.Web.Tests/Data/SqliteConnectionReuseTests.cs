using System.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using SQLitePCL;

namespace Rekindle.Web.Tests.Data;

/// <summary>
/// On SQLite a pooled context keeps its connection open between leases, and a query's compiled statement is reused
/// by the next run of the same SQL. Neither may change what a query answers: each run binds its own parameters,
/// sees every write committed before it, and never inherits a transaction or an open read from an earlier lease.
/// </summary>
public sealed class SqliteConnectionReuseTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), "rekindle-tests", $"reuse-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider services;
    private readonly IDbContextFactory<RekindleDbContext> pool;

    public SqliteConnectionReuseTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var connectionString = $"Data Source={file};Pooling=False";
        Database.Migrate(DatabaseProvider.Sqlite, connectionString);
        // The app's own arrangement: a pool of contexts, which closes their connections when it is disposed.
        services = new ServiceCollection()
            .AddPooledDbContextFactory<RekindleDbContext>(options => Database.Configure(options, DatabaseProvider.Sqlite, connectionString))
            .BuildServiceProvider();
        pool = services.GetRequiredService<IDbContextFactory<RekindleDbContext>>();
    }

    public void Dispose()
    {
        services.Dispose();
        File.Delete(file);
    }

    [Fact]
    public async Task A_query_run_again_reuses_its_compiled_statement_and_binds_its_own_parameters()
    {
        await AddKeysAsync("first", "second");
        await using var db = pool.CreateDbContext();

        Assert.Equal(["first"], await NamesAsync(db, "first"));
        var handle = Handle(db);
        var compiled = Statements(handle);
        Assert.Equal(["second"], await NamesAsync(db, "second"));
        Assert.Equal([], await NamesAsync(db, "third"));

        // Without reuse, disposing a command finalizes its statement: none would be left between queries.
        Assert.NotEmpty(compiled);
        Assert.Equal(compiled, Statements(handle));
    }

    [Fact]
    public async Task A_pooled_context_keeps_its_open_connection_for_the_next_lease()
    {
        await AddKeysAsync("kept");
        SqliteConnection first;
        await using (var db = pool.CreateDbContext())
        {
            Assert.Equal(["kept"], await NamesAsync(db, "kept"));
            first = (SqliteConnection)db.Database.GetDbConnection();
        }

        await using (var db = pool.CreateDbContext())
        {
            Assert.Same(first, db.Database.GetDbConnection());
            Assert.Equal(ConnectionState.Open, first.State);
            Assert.Equal(["kept"], await NamesAsync(db, "kept"));
        }
    }

    [Fact]
    public async Task A_kept_connection_sees_what_another_wrote_after_its_last_read()
    {
        await using var reader = pool.CreateDbContext();
        await using var writer = pool.CreateDbContext();
        Assert.Equal([], await NamesAsync(reader, "later"));

        writer.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "later", Xml = "<key/>" });
        await writer.SaveChangesAsync();

        Assert.Equal(["later"], await NamesAsync(reader, "later"));
    }

    [Fact]
    public async Task A_lease_ended_inside_a_transaction_is_rolled_back_and_the_next_lease_starts_outside_one()
    {
        await using (var db = pool.CreateDbContext())
        {
            await db.Database.BeginTransactionAsync();
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "abandoned", Xml = "<key/>" });
            await db.SaveChangesAsync();
        }

        await using (var db = pool.CreateDbContext())
        {
            Assert.Equal([], await NamesAsync(db, "abandoned"));
            Assert.NotEqual(0, raw.sqlite3_get_autocommit(Handle(db)));
        }
    }

    [Fact]
    public async Task A_lease_ended_with_a_read_still_open_closes_its_connection_instead_of_keeping_it()
    {
        await AddKeysAsync("one", "two");
        SqliteConnection abandoned;
        await using (var db = pool.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            abandoned = (SqliteConnection)db.Database.GetDbConnection();
            var command = abandoned.CreateCommand();
            command.CommandText = "SELECT FriendlyName FROM DataProtectionKeys";
            var halfRead = command.ExecuteReader();
            Assert.True(halfRead.Read());
            Assert.False(KeptOpenSqliteConnection.IsIdleAndOpen(abandoned));
            await db.Database.CloseConnectionAsync();
        }

        Assert.Equal(ConnectionState.Closed, abandoned.State);
        await using (var db = pool.CreateDbContext())
        {
            Assert.Equal(["one"], await NamesAsync(db, "one"));
        }
    }

    [Fact]
    public async Task The_same_query_run_while_its_own_results_are_still_being_read_gets_a_command_of_its_own()
    {
        await AddKeysAsync("a", "b", "c");
        await using var db = pool.CreateDbContext();
        var query = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.FriendlyName).Select(k => k.FriendlyName);

        var pairs = new List<string>();
        await foreach (var outer in query.AsAsyncEnumerable())
        {
            pairs.Add($"{outer}:{string.Join(',', await query.ToListAsync())}");
        }

        Assert.Equal(["a:a,b,c", "b:a,b,c", "c:a,b,c"], pairs);
    }

    [Fact]
    public async Task More_distinct_queries_than_are_kept_still_answer_and_the_kept_ones_stay_bounded()
    {
        await using var db = pool.CreateDbContext();
        var count = SqliteStatementReuse.PreparedStatements.Capacity + 50;
        for (var i = 0; i < count; i++)
        {
            // A different SQL text each time: the number is part of the text, not a parameter.
            var sql = "SELECT " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " AS Value";
            var answer = await db.Database.SqlQueryRaw<int>(sql).ToListAsync();
            Assert.Equal([i], answer);
        }

        Assert.InRange(Statements(Handle(db)).Count, 1, SqliteStatementReuse.PreparedStatements.Capacity);
    }

    private async Task AddKeysAsync(params string[] names)
    {
        await using var db = pool.CreateDbContext();
        db.DataProtectionKeys.AddRange(names.Select(name => new DataProtectionKey { FriendlyName = name, Xml = "<key/>" }));
        await db.SaveChangesAsync();
    }

    private static Task<List<string?>> NamesAsync(RekindleDbContext db, string name) =>
        db.DataProtectionKeys.AsNoTracking().Where(k => k.FriendlyName == name).Select(k => k.FriendlyName).ToListAsync();

    private static sqlite3 Handle(RekindleDbContext db) => ((SqliteConnection)db.Database.GetDbConnection()).Handle!;

    /// <summary>The statements SQLite holds compiled on the connection.</summary>
    private static List<sqlite3_stmt> Statements(sqlite3 handle)
    {
        var statements = new List<sqlite3_stmt>();
        for (var statement = raw.sqlite3_next_stmt(handle, null); statement is not null; statement = raw.sqlite3_next_stmt(handle, statement))
        {
            statements.Add(statement);
        }

        return statements;
    }
}
