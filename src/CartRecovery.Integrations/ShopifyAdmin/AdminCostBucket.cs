using System.Collections.Concurrent;

namespace CartRecovery.Integrations.ShopifyAdmin;

/// <summary>
/// Each shop's GraphQL cost bucket as its last answer described it (<c>extensions.cost.throttleStatus</c>): before a call,
/// the client waits until the bucket has refilled enough for the cost the same query needed last time, instead of sending
/// a request Shopify would throttle.
/// </summary>
internal sealed class AdminCostBucket(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Status> shops = new(StringComparer.Ordinal);

    public void Record(string shop, double available, double maximum, double restoreRate) =>
        shops[shop] = new Status(available, maximum, restoreRate, time.GetUtcNow());

    /// <summary>How long to wait before spending <paramref name="cost"/> points; zero when the bucket is unknown or full enough.</summary>
    public TimeSpan WaitFor(string shop, double cost)
    {
        if (!shops.TryGetValue(shop, out var status) || status.RestoreRate <= 0)
        {
            return TimeSpan.Zero;
        }

        var elapsed = (time.GetUtcNow() - status.At).TotalSeconds;
        var now = Math.Min(status.Maximum, status.Available + (elapsed * status.RestoreRate));
        return now >= cost ? TimeSpan.Zero : TimeSpan.FromSeconds((cost - now) / status.RestoreRate);
    }

    private sealed record Status(double Available, double Maximum, double RestoreRate, DateTimeOffset At);
}
