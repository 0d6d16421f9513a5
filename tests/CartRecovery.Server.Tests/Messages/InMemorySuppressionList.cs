using System.Collections.Concurrent;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Server.Tests.Messages;

/// <summary>Stands in for the suppression list of the composition work, so the webhook's effect can be observed.</summary>
internal sealed class InMemorySuppressionList : ISuppressionList
{
    public ConcurrentDictionary<(string Shop, Channel? Channel, string Address), string> Entries { get; } = new();

    public Task<string?> FindAsync(string shop, Channel channel, string address, CancellationToken cancellationToken) =>
        Task.FromResult(Entries.TryGetValue((shop, channel, address), out var reason) || Entries.TryGetValue((shop, null, address), out reason) ? reason : null);

    public Task AddAsync(string shop, Channel? channel, string address, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Entries[(shop, channel, address)] = reason;
        return Task.CompletedTask;
    }
}
