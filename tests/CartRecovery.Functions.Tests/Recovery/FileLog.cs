using Microsoft.Extensions.Logging;

namespace CartRecovery.Functions.Tests.Recovery;

/// <summary>
/// The in-process engine's own log (episodes, events, actions) appended to a file, for a failing scenario: set
/// CARTRECOVERY_DURABLE_LOG=/path/to/file. How the signal-ordering defects were found.
/// </summary>
internal sealed class FileLog(string path) : ILoggerProvider, ILogger
{
    private readonly object gate = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (gate)
        {
            File.AppendAllText(path, $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {formatter(state, exception)} {exception}\n");
        }
    }

    public void Dispose()
    {
    }
}
