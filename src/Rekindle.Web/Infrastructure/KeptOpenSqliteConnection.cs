using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// On SQLite, a pooled DbContext keeps its connection open between requests instead of closing it when it goes back
/// to the pool. Closing threw away every statement SQLite had compiled on it (see <see cref="SqliteStatementReuse"/>)
/// and reopening registered EF's functions and the busy timeout again: together about a fifth of a dashboard's CPU
/// time. A connection is only kept when it is idle (no transaction, no statement mid-read), so a request can never
/// inherit another's open transaction or read snapshot; otherwise it is closed as before. Disposing the context
/// (the pool is full, or the app stops) closes it. All of a request's queries run on its context's one connection.
/// Each connection it opens also gets SQLite's busy timeout: SQLite allows one writer at a time, and without it
/// Microsoft.Data.Sqlite meets a busy database by sleeping 150 ms and retrying, which put concurrent check-ins at
/// the 99th percentile near a second; with it, SQLite waits for the lock itself in steps of a few milliseconds.
/// </summary>
/// <remarks>
/// EF Core marks <see cref="SqliteRelationalConnection"/> as internal API (EF1001): the package version is pinned, and
/// the integration suite runs through this class on every SQLite test.
/// </remarks>
#pragma warning disable EF1001
public sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
#pragma warning restore EF1001
{
    private const int BusyTimeoutMilliseconds = 10_000;

    /// <summary>The SQLite handle this class opened and set up; only that one is ever kept open.</summary>
    private sqlite3? setUpHandle;

    protected override void OpenDbConnection(bool errorsExpected)
    {
        base.OpenDbConnection(errorsExpected);
        setUpHandle = SetUp((SqliteConnection)DbConnection);
    }

    protected override async Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
    {
        await base.OpenDbConnectionAsync(errorsExpected, cancellationToken);
        setUpHandle = SetUp((SqliteConnection)DbConnection);
    }

    private static sqlite3 SetUp(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_busy_timeout(handle, BusyTimeoutMilliseconds), handle);
        // Deleted rows are overwritten with zeros, not just unlinked: see Database.SecureDelete.
        SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(handle, Database.SecureDelete), handle);
        // Lets IsIdleAndOpen list the connection's statements (SQLitePCL tracks them only when asked to).
        handle.enable_sqlite3_next_stmt(true);
        return handle;
    }

    protected override void CloseDbConnection()
    {
        var connection = (SqliteConnection)DbConnection;
        if (connection.Handle != setUpHandle || !IsIdleAndOpen(connection))
        {
            setUpHandle = null;
            base.CloseDbConnection();
        }
    }

    protected override Task CloseDbConnectionAsync()
    {
        CloseDbConnection();
        return Task.CompletedTask;
    }

    /// <summary>Open, outside any transaction, and with no statement stepped but not yet reset (needs statement tracking, see SetUp).</summary>
    internal static bool IsIdleAndOpen(SqliteConnection connection)
    {
        if (connection is not { State: System.Data.ConnectionState.Open, Handle: { } handle })
        {
            return false;
        }

        if (raw.sqlite3_get_autocommit(handle) == 0)
        {
            return false;
        }

        for (var statement = raw.sqlite3_next_stmt(handle, null); statement is not null; statement = raw.sqlite3_next_stmt(handle, statement))
        {
            if (raw.sqlite3_stmt_busy(statement) != 0)
            {
                return false;
            }
        }

        return true;
    }
}
