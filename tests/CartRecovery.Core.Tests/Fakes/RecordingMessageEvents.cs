using System.Collections.Concurrent;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Tests.Fakes;

/// <summary>A test <see cref="IMessageEvents"/> (the message store is another concern): knows the message ids it is told about, records events for them.</summary>
public sealed class RecordingMessageEvents : IMessageEvents
{
    private readonly ConcurrentDictionary<string, byte> known = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Shop, string MessageId, MessageEventKind Kind, DateTimeOffset At)> events = new();

    public IReadOnlyList<(string Shop, string MessageId, MessageEventKind Kind, DateTimeOffset At)> Events => events.ToArray();

    public void Know(string messageId) => known[messageId] = 0;

    public Task<bool> RecordAsync(string shop, string messageId, MessageEventKind kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!known.ContainsKey(messageId))
        {
            return Task.FromResult(false);
        }

        events.Enqueue((shop, messageId, kind, at));
        return Task.FromResult(true);
    }
}
