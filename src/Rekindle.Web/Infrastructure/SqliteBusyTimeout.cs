using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// SQLite allows one writer at a time. Without a busy timeout, Microsoft.Data.Sqlite answers a busy database by
/// sleeping 150 ms and retrying, which put concurrent check-ins at the 99th percentile near a second; with it,
/// SQLite waits for the lock itself in steps of a few milliseconds.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
