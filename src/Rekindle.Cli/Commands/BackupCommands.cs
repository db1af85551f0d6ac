using Microsoft.Data.Sqlite;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Cli.Commands;

/// <summary>
/// `rekindle backup FILE` and `rekindle restore FILE` for the SQLite database (PostgreSQL: docs/backup.md).
/// The database is found the way the app finds it: ConnectionStrings__Rekindle, else rekindle.db in
/// Rekindle__DataDirectory (or --data-directory).
/// </summary>
public static class BackupCommands
{
    public const string BackupHelp = """
        Usage: rekindle backup FILE [--data-directory DIR] [--force]

        Copies the SQLite database to FILE while Rekindle keeps running: SQLite's online backup takes one
        consistent snapshot, and writes carry on meanwhile. FILE must not exist unless --force is given.
        For PostgreSQL use pg_dump (see docs/backup.md).
        """;

    public const string RestoreHelp = """
        Usage: rekindle restore FILE [--data-directory DIR]

        Replaces the SQLite database with the backup in FILE. Stop Rekindle first. The backup is checked
        before anything changes (it must be an intact Rekindle database); the current database is kept
        beside it as rekindle.db.before-restore.
        """;

    public static async Task<int> BackupAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (Target(args) is not { } file)
        {
            await error.WriteLineAsync(BackupHelp);
            return CommandLine.Usage;
        }

        if (await DatabaseFileAsync(args, error) is not { } database)
        {
            return CommandLine.Usage;
        }

        file = Path.GetFullPath(file);
        if (File.Exists(file) && !args.Contains("--force"))
        {
            await error.WriteLineAsync($"rekindle backup: {file} already exists. Choose a new name, or add --force to replace it.");
            return CommandLine.Failed;
        }

        if (!File.Exists(database))
        {
            await error.WriteLineAsync($"rekindle backup: there is no database at {database}. Set Rekindle__DataDirectory (or --data-directory) to the app's data folder.");
            return CommandLine.Failed;
        }

        var partial = file + ".partial";
        File.Delete(partial);
        try
        {
            using (var source = Open(database, SqliteOpenMode.ReadWrite))
            {
                if (!IsRekindleDatabase(source))
                {
                    await error.WriteLineAsync($"rekindle backup: {database} is not a Rekindle database (no schema_history table).");
                    return CommandLine.Failed;
                }

                // The copy holds everything the database does: owner-only (0600) like the database itself.
                OwnerOnlyFiles.PrepareSqliteFile(partial);
                using var copy = Open(partial, SqliteOpenMode.ReadWriteCreate);
                // One step: a read snapshot of the whole database. In WAL mode the app keeps writing meanwhile.
                source.BackupDatabase(copy);
                // The copy is a single self-contained file, not a WAL database that needs companions.
                Execute(copy, "PRAGMA journal_mode=DELETE;");
                if (IntegrityProblem(copy) is { } problem)
                {
                    await error.WriteLineAsync($"rekindle backup: the copy failed its integrity check ({problem}). Nothing was written.");
                    return CommandLine.Failed;
                }
            }

            SqliteConnection.ClearAllPools();
            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(partial);
        }

        await output.WriteLineAsync($"Backed up {database} to {file} ({new FileInfo(file).Length:N0} bytes).");
        await output.WriteLineAsync("The backup holds everything, encrypted text included; keep the key file (keyring.key in the data folder) safe too, separately.");
        return CommandLine.Ok;
    }

    public static async Task<int> RestoreAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (Target(args) is not { } file)
        {
            await error.WriteLineAsync(RestoreHelp);
            return CommandLine.Usage;
        }

        if (await DatabaseFileAsync(args, error) is not { } database)
        {
            return CommandLine.Usage;
        }

        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"rekindle restore: there is no file at {file}.");
            return CommandLine.Failed;
        }

        // Check the backup before touching anything.
        try
        {
            using var backup = Open(file, SqliteOpenMode.ReadOnly);
            if (!IsRekindleDatabase(backup))
            {
                await error.WriteLineAsync($"rekindle restore: {file} is a SQLite database but not a Rekindle one (no schema_history table). Nothing was changed.");
                return CommandLine.Failed;
            }

            if (IntegrityProblem(backup) is { } problem)
            {
                await error.WriteLineAsync($"rekindle restore: {file} is damaged ({problem}). Nothing was changed.");
                return CommandLine.Failed;
            }
        }
        catch (SqliteException e)
        {
            await error.WriteLineAsync($"rekindle restore: {file} is not a SQLite database ({e.Message}). Nothing was changed.");
            return CommandLine.Failed;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }

        var keep = database + ".before-restore";
        if (File.Exists(database))
        {
            if (File.Exists(keep))
            {
                await error.WriteLineAsync($"rekindle restore: {keep} is left from an earlier restore. Move it somewhere safe (or delete it), then run restore again. Nothing was changed.");
                return CommandLine.Failed;
            }

            // Refuse while anything (the app) is using the database, and fold its write-ahead log in so the kept copy is whole.
            try
            {
                using var current = Open(database, SqliteOpenMode.ReadWrite);
                Execute(current, "PRAGMA busy_timeout=0;");
                Execute(current, "BEGIN EXCLUSIVE; COMMIT;");
                Execute(current, "PRAGMA wal_checkpoint(TRUNCATE);");
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
            {
                await error.WriteLineAsync("rekindle restore: the database is in use. Stop Rekindle first, then run restore again. Nothing was changed.");
                return CommandLine.Failed;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
            }

            // The last connection to close removes the write-ahead log; if it is still there, someone else has the file open.
            if (File.Exists(database + "-wal"))
            {
                await error.WriteLineAsync("rekindle restore: the database is open in another program (is Rekindle still running?). Stop it first, then run restore again. Nothing was changed.");
                return CommandLine.Failed;
            }
        }

        var incoming = database + ".restoring";
        File.Delete(incoming);
        try
        {
            OwnerOnlyFiles.PrepareSqliteFile(incoming);
            using (var backup = Open(file, SqliteOpenMode.ReadOnly))
            using (var copy = Open(incoming, SqliteOpenMode.ReadWriteCreate))
            {
                backup.BackupDatabase(copy);
                Execute(copy, "PRAGMA journal_mode=WAL;");
            }

            SqliteConnection.ClearAllPools();
            if (File.Exists(database))
            {
                File.Move(database, keep);
            }

            foreach (var companion in new[] { "-wal", "-shm" })
            {
                File.Delete(database + companion);
            }

            File.Move(incoming, database);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(incoming);
        }

        await output.WriteLineAsync($"Restored {file} into {database}.");
        if (File.Exists(keep))
        {
            await output.WriteLineAsync($"The database it replaced is kept as {keep}. Delete it once Rekindle runs well again.");
        }

        await output.WriteLineAsync("Start Rekindle again. It needs the same key file (keyring.key) as when the backup was taken to read what people wrote.");
        return CommandLine.Ok;
    }

    /// <summary>The SQLite file the app uses with this configuration, or null (after saying why) for PostgreSQL.</summary>
    private static async Task<string?> DatabaseFileAsync(string[] args, TextWriter error)
    {
        var configuration = CliConfiguration.Build(args);
        var provider = Database.ProviderFrom(configuration);
        if (provider == DatabaseProvider.Postgres)
        {
            await error.WriteLineAsync("This installation uses PostgreSQL: back up with pg_dump -Fc and restore with pg_restore (docs/backup.md).");
            return null;
        }

        var options = CliConfiguration.Options(configuration);
        var builder = new SqliteConnectionStringBuilder(Database.ConnectionString(configuration, provider, options));
        return Path.GetFullPath(builder.DataSource);
    }

    private static string? Target(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static bool IsRekindleDatabase(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_history'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static string? IntegrityProblem(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = command.ExecuteScalar() as string;
        return result == "ok" ? null : result ?? "no answer";
    }
}
