using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Fangkong.IntegrationTests.Concurrency;

/// <summary>
/// Keeps every log line at Error or above, and every line that mentions a locked database,
/// so that a test can assert the server logged no failure while it answered.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Errors => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var message = formatter(state, exception);
            var text = $"{logLevel} {category}: {message} {exception?.GetType().Name} {exception?.Message}";
            if (logLevel >= LogLevel.Error || text.Contains("locked", StringComparison.OrdinalIgnoreCase))
            {
                lines.Enqueue(text);
            }
        }
    }
}
