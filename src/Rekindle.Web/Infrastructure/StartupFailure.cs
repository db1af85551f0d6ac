namespace Rekindle.Web.Infrastructure;

/// <summary>
/// What stopped the app from starting, as one line for the person running it: the file or setting to fix, not
/// a stack trace. Program.cs prints it to standard error and exits with 1.
/// </summary>
public static class StartupFailure
{
    public const string Prefix = "Rekindle can't start: ";

    /// <summary>The line to print, or null for an exception that is not a start-up failure (the host being stopped).</summary>
    public static string? Describe(Exception exception)
    {
        var e = Unwrap(exception);
        if (e is OperationCanceledException || e.GetType().Name == "HostAbortedException")
        {
            return null;
        }

        var message = e switch
        {
            _ when e.Message.StartsWith(Prefix, StringComparison.Ordinal) => e.Message[Prefix.Length..],
            ArgumentException when e.StackTrace?.Contains("ConnectionString", StringComparison.Ordinal) == true =>
                $"the connection string (ConnectionStrings:Rekindle) is not valid: {e.Message}",
            Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or System.Net.Sockets.SocketException =>
                $"the database can't be opened (ConnectionStrings:Rekindle, Rekindle:DatabaseProvider, Rekindle:DataDirectory): {e.Message}",
            UnauthorizedAccessException or IOException or InvalidDataException or FormatException => e.Message,
            InvalidOperationException => e.Message,
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return Prefix + string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    e = aggregate.InnerExceptions[0];
                    break;
                case System.Reflection.TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    break;
                case InvalidOperationException { InnerException: InvalidDataException or IOException or UnauthorizedAccessException } wrapper
                    when !wrapper.Message.StartsWith(Prefix, StringComparison.Ordinal):
                    e = wrapper.InnerException!;
                    break;
                default:
                    return e;
            }
        }
    }
}
