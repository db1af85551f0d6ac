using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// Reuses the statements SQLite has compiled on a connection. EF Core creates a new command for every query and
/// Microsoft.Data.Sqlite compiles a new command's SQL again (dotnet/efcore#14044), which was over half of SQLite's
/// time on a dashboard. EF is handed a <see cref="ReusableStatementCommand"/> instead, which runs its SQL on a
/// command kept per connection and SQL text, so each query is compiled once per connection while it stays open
/// (see <see cref="KeptOpenSqliteConnection"/>).
/// </summary>
public sealed class SqliteStatementReuse : DbCommandInterceptor
{
    public static readonly SqliteStatementReuse Instance = new();

    private static readonly ConditionalWeakTable<SqliteConnection, PreparedStatements> ByConnection = [];

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is SqliteConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new ReusableStatementCommand(connection, ByConnection.GetValue(connection, c => new PreparedStatements(c))))
            : result;

    /// <summary>The commands whose statements are compiled on one connection, by SQL text.</summary>
    internal sealed class PreparedStatements
    {
        /// <summary>Far more than the app's distinct queries; bounds memory if something builds SQL with varying text.</summary>
        internal const int Capacity = 256;

        private readonly SqliteConnection connection;
        private readonly Dictionary<string, KeptCommand> bySql = new(StringComparer.Ordinal);

        public PreparedStatements(SqliteConnection connection)
        {
            this.connection = connection;
            // Closing the connection disposes its commands (and their statements); forget them with it.
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == ConnectionState.Closed)
                {
                    bySql.Clear();
                }
            };
        }

        /// <summary>A command holding this SQL: the kept one, or a one-off when that one is still being read (the caller disposes a one-off).</summary>
        public (SqliteCommand Command, bool Kept) Rent(string sql)
        {
            if (connection.State != ConnectionState.Open)
            {
                return (new SqliteCommand(sql, connection), false);
            }

            if (bySql.TryGetValue(sql, out var kept))
            {
                return kept.IsReading ? (new SqliteCommand(sql, connection), false) : (kept, true);
            }

            if (bySql.Count >= Capacity)
            {
                Forget();
            }

            kept = new KeptCommand { Connection = connection, CommandText = sql };
            bySql.Add(sql, kept);
            return (kept, true);
        }

        private void Forget()
        {
            foreach (var command in bySql.Values.Where(c => !c.IsReading).ToList())
            {
                bySql.Remove(command.CommandText);
                command.Dispose();
            }
        }
    }

    /// <summary>A command that stays with its connection; it can say whether a reader is still open on it.</summary>
    internal sealed class KeptCommand : SqliteCommand
    {
        public bool IsReading => DataReader is not null;
    }
}

/// <summary>
/// The command EF Core builds and disposes per query. It holds the SQL, parameters and transaction EF gives it and
/// runs them on the connection's kept command for that SQL, which it leaves undisposed for the next query.
/// </summary>
internal sealed class ReusableStatementCommand(SqliteConnection connection, SqliteStatementReuse.PreparedStatements statements) : DbCommand
{
    private readonly OwnParameters parameters = new();
    private SqliteCommand? oneOff;

    [AllowNull]
    public override string CommandText { get; set; } = string.Empty;

    public override int CommandTimeout { get; set; } = connection.DefaultTimeout;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException($"SQLite runs only {nameof(CommandType.Text)} commands.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, connection))
            {
                throw new NotSupportedException("This command belongs to the connection it was created for.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        ((DbCommand)Ready()).ExecuteReaderAsync(behavior, cancellationToken);

    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Ready().ExecuteNonQueryAsync(cancellationToken);

    public override object? ExecuteScalar() => Ready().ExecuteScalar();

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Ready().ExecuteScalarAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeOneOff();
        }

        base.Dispose(disposing);
    }

    /// <summary>The command to run on, given this command's parameters, transaction and timeout.</summary>
    private SqliteCommand Ready()
    {
        DisposeOneOff();
        var (command, kept) = statements.Rent(CommandText);
        oneOff = kept ? null : command;

        command.Transaction = (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        command.Parameters.Clear();
        foreach (SqliteParameter parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private void DisposeOneOff()
    {
        oneOff?.Dispose();
        oneOff = null;
    }

    /// <summary>Microsoft.Data.Sqlite's collection, which only derived classes may create.</summary>
    private sealed class OwnParameters : SqliteParameterCollection;
}
