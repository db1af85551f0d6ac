using Microsoft.Data.Sqlite;
using Rekindle.Cli.Commands;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Cli.Tests;

/// <summary>`rekindle backup` and `rekindle restore` on a real, migrated SQLite database in a temp data folder.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rekindle-cli-tests", Guid.NewGuid().ToString("N"));

    public BackupRestoreTests()
    {
        Directory.CreateDirectory(folder);
        Database.Migrate(DatabaseProvider.Sqlite, ConnectionString(DatabaseFile));
        using var connection = Open(DatabaseFile);
        Execute(connection, "CREATE TABLE probe (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
    }

    private string DatabaseFile => Path.Combine(folder, "rekindle.db");

    private static string ConnectionString(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(ConnectionString(file));
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, "--data-directory", folder], Stream.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private void Write(string payload)
    {
        using var connection = Open(DatabaseFile);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO probe (payload) VALUES ($payload)";
        command.Parameters.AddWithValue("$payload", payload);
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_backup_is_a_complete_self_contained_rekindle_database()
    {
        Write("first");
        Write("second");
        var file = Path.Combine(folder, "backup.db");
        var (code, output, error) = await RunAsync("backup", file);
        Assert.True(code == CommandLine.Ok, error);
        Assert.Contains("Backed up", output, StringComparison.Ordinal);
        Assert.False(File.Exists(file + "-wal"));

        using var backup = Open(file);
        Assert.Equal(2, Scalar(backup, "SELECT count(*) FROM probe"));
        Assert.True(Scalar(backup, "SELECT count(*) FROM schema_history") > 0);
        Assert.Equal(1, Scalar(backup, "SELECT count(*) FROM sqlite_master WHERE name = 'AspNetUsers'"));
    }

    [Fact]
    public async Task A_backup_taken_while_writes_go_on_is_one_consistent_snapshot()
    {
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(() =>
        {
            // Each write is its own transaction with the next id, so a consistent snapshot holds ids 1..N exactly.
            while (!stop.IsCancellationRequested)
            {
                Write($"write {Interlocked.Increment(ref written)}");
            }
        });

        var backups = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref written) > (i + 1) * 20, TimeSpan.FromSeconds(10));
            var file = Path.Combine(folder, $"during-{i}.db");
            var (code, _, error) = await RunAsync("backup", file);
            Assert.True(code == CommandLine.Ok, error);
            backups.Add(file);
        }

        await stop.CancelAsync();
        await writer;

        var counts = new List<long>();
        foreach (var file in backups)
        {
            using var backup = Open(file);
            using (var check = backup.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", check.ExecuteScalar());
            }

            var count = Scalar(backup, "SELECT count(*) FROM probe");
            Assert.Equal(count, Scalar(backup, "SELECT coalesce(max(id), 0) FROM probe"));
            counts.Add(count);
        }

        Assert.True(counts[0] > 0, "The writer had not written before the first backup");
        Assert.True(counts[^1] > counts[0], "The backups did not see the writes going on");
        using var live = Open(DatabaseFile);
        Assert.True(Scalar(live, "SELECT count(*) FROM probe") >= counts[^1]);
    }

    [Fact]
    public async Task Restore_puts_the_backup_in_place_and_keeps_the_old_database()
    {
        Write("before the backup");
        var file = Path.Combine(folder, "backup.db");
        Assert.Equal(CommandLine.Ok, (await RunAsync("backup", file)).Code);
        Write("after the backup");

        var (code, output, error) = await RunAsync("restore", file);
        Assert.True(code == CommandLine.Ok, error);
        Assert.Contains("before-restore", output, StringComparison.Ordinal);

        using (var restored = Open(DatabaseFile))
        {
            Assert.Equal(1, Scalar(restored, "SELECT count(*) FROM probe"));
        }

        using (var kept = Open(DatabaseFile + ".before-restore"))
        {
            Assert.Equal(2, Scalar(kept, "SELECT count(*) FROM probe"));
        }

        // The restored database still migrates (the app does that at start).
        Database.Migrate(DatabaseProvider.Sqlite, ConnectionString(DatabaseFile));

        // A second restore won't overwrite the kept copy.
        var again = await RunAsync("restore", file);
        Assert.Equal(CommandLine.Failed, again.Code);
        Assert.Contains("earlier restore", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_rekindle_database_and_changes_nothing()
    {
        Write("precious");
        var other = Path.Combine(folder, "other.db");
        using (var connection = Open(other))
        {
            Execute(connection, "CREATE TABLE notes (text TEXT)");
        }

        var garbage = Path.Combine(folder, "garbage.db");
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);

        foreach (var file in new[] { other, garbage, Path.Combine(folder, "missing.db") })
        {
            var (code, _, error) = await RunAsync("restore", file);
            Assert.Equal(CommandLine.Failed, code);
            Assert.True(error.Contains("Nothing was changed", StringComparison.Ordinal) || error.Contains("no file", StringComparison.Ordinal), error);
        }

        Assert.False(File.Exists(DatabaseFile + ".before-restore"));
        using var live = Open(DatabaseFile);
        Assert.Equal(1, Scalar(live, "SELECT count(*) FROM probe"));
    }

    [Fact]
    public async Task Restore_refuses_while_the_database_is_open_elsewhere()
    {
        var file = Path.Combine(folder, "backup.db");
        Assert.Equal(CommandLine.Ok, (await RunAsync("backup", file)).Code);

        // The running app keeps pooled connections open.
        using (var app = Open(DatabaseFile))
        {
            Assert.Equal(0, Scalar(app, "SELECT count(*) FROM probe"));
            Write("while open");
            var (code, _, error) = await RunAsync("restore", file);
            Assert.Equal(CommandLine.Failed, code);
            Assert.Contains("Stop", error, StringComparison.Ordinal);
            using var fresh = Open(DatabaseFile);
            Assert.True(1 == Scalar(fresh, "SELECT count(*) FROM probe"), error + " fresh=" + Scalar(fresh, "SELECT count(*) FROM probe") + " app=" + Scalar(app, "SELECT count(*) FROM probe") + " files=" + string.Join(",", Directory.GetFiles(folder).Select(Path.GetFileName)));
        }

        Assert.False(File.Exists(DatabaseFile + ".before-restore"));
    }

    [Fact]
    public async Task Backup_will_not_overwrite_a_file_unless_forced_and_needs_a_database()
    {
        var file = Path.Combine(folder, "exists.db");
        await File.WriteAllTextAsync(file, "keep me");
        Assert.Equal(CommandLine.Failed, (await RunAsync("backup", file)).Code);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
        Assert.Equal(CommandLine.Ok, (await RunAsync("backup", file, "--force")).Code);

        var output = new StringWriter();
        var error = new StringWriter();
        var empty = Path.Combine(folder, "empty");
        Directory.CreateDirectory(empty);
        Assert.Equal(CommandLine.Failed, await CommandLine.RunAsync(["backup", Path.Combine(folder, "x.db"), "--data-directory", empty], Stream.Null, output, error));
        Assert.Contains("no database", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(CommandLine.Usage, (await RunAsync("backup")).Code);
    }

    [Fact]
    public async Task Postgres_installations_are_pointed_to_pg_dump()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(["backup", "x.dump", "--provider", "postgres", "--connection-string", "Host=localhost"], Stream.Null, output, error);
        Assert.Equal(CommandLine.Usage, code);
        Assert.Contains("pg_dump", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
