using System.Collections.Concurrent;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Tests.Fakes;

/// <summary>A test <see cref="ISuppressionList"/> for host-neutral handler tests (the Table Storage one is tested on Azurite); can be told to fail.</summary>
public sealed class InMemorySuppressionList : ISuppressionList
{
    private readonly ConcurrentDictionary<(string Shop, Channel? Channel, string Address), string> entries = new();

    public bool Fail { get; set; }

    public IReadOnlyCollection<(string Shop, Channel? Channel, string Address)> Entries => entries.Keys.ToArray();

    public Task<string?> FindAsync(string shop, Channel channel, string address, CancellationToken cancellationToken) =>
        Task.FromResult(entries.TryGetValue((shop, null, address), out var all) ? all : entries.GetValueOrDefault((shop, channel, address)));

    public Task AddAsync(string shop, Channel? channel, string address, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new IOException("storage is down");
        }

        entries[(shop, channel, address)] = reason;
        return Task.CompletedTask;
    }
}
