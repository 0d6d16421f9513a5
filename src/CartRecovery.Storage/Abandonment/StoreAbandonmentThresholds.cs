using System.Collections.Concurrent;
using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Workflow.Settings;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Abandonment;

/// <summary>
/// A store's abandonment threshold from its recovery settings (the merchant's configuration API, <see cref="IStoreSettings"/>).
/// A store that kept the preset value gets the operator's default, <c>Abandonment:Threshold</c>, so that key sets the default
/// for every store that did not choose its own. Read per cart update, so each store's value is cached for a few seconds.
/// </summary>
public sealed class StoreAbandonmentThresholds(IStoreSettings settings, IOptions<AbandonmentOptions> options) : IAbandonmentThresholds
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (TimeSpan Threshold, long ReadAt)> cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<TimeSpan> GetAsync(string shop, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64; // a cache lifetime in real time, not business time
        if (cache.TryGetValue(shop, out var cached) && now - cached.ReadAt < CacheFor.TotalMilliseconds)
        {
            return cached.Threshold;
        }

        var chosen = (await settings.GetAsync(shop, cancellationToken).ConfigureAwait(false)).AbandonmentThreshold;
        var threshold = chosen == RecoveryPresets.Defaults.AbandonmentThreshold ? options.Value.Threshold : chosen;
        cache[shop] = (threshold, now);
        return threshold;
    }

    /// <summary>Forgets the cached value of a store (after its settings were saved in this process).</summary>
    public void Invalidate(string shop) => cache.TryRemove(shop, out _);
}
