using System.Collections.Concurrent;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Integrations.Tests.Messaging;

/// <summary>An in-memory suppression list for executor tests (the real one belongs to the composition work).</summary>
internal sealed class TestSuppressionList : ISuppressionList
{
    private readonly ConcurrentDictionary<(string Shop, Channel? Channel, string Address), string> entries = new();

    public ConcurrentQueue<(string Shop, Channel Channel, string Address)> Lookups { get; } = new();

    public Task<string?> FindAsync(string shop, Channel channel, string address, CancellationToken cancellationToken)
    {
        Lookups.Enqueue((shop, channel, address));
        return Task.FromResult(entries.TryGetValue((shop, channel, address), out var reason) || entries.TryGetValue((shop, null, address), out reason) ? reason : null);
    }

    public Task AddAsync(string shop, Channel? channel, string address, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        entries[(shop, channel, address)] = reason;
        return Task.CompletedTask;
    }
}
