using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Rekindle.Web.Tests.Infrastructure;

/// <summary>Keeps every log line the app writes during the tests, so tests can read (and scan) them.</summary>
public sealed class TestLogSink(LogLevel minimum = LogLevel.Debug) : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines, minimum);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
    }
}
