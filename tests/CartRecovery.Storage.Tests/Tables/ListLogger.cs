using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Storage.Tests.Tables;

/// <summary>Keeps every formatted log message, to check what the client logs (and what it must not).</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<string> messages = new();

    public IReadOnlyList<string> Messages => messages.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
}
