using System.Net;
using CartRecovery.Testing;

namespace CartRecovery.Server.Tests.Webhooks;

/// <summary>
/// Issue 9, defect 2 under load: every acknowledged checkout gets exactly one recovery. Checkouts that are already overdue
/// when they arrive wake the scheduler while their deliveries are still being processed, which is when the lost-entry race
/// showed (about 1 % before the fix); a few hundred of them, posted concurrently, find it.
/// </summary>
public sealed class RecoveryCountLoadTests
{
    private const int Checkouts = 300;

    [Fact]
    public async Task Every_acknowledged_overdue_checkout_gets_exactly_one_recovery()
    {
        await using var server = await WebhookServer.StartAsync();
        var now = server.Time.GetUtcNow();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Checkouts), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = TestContext.Current.CancellationToken }, async (i, _) =>
        {
            var token = $"ck-load-{i:D4}";
            var body = ShopifyPayloads.Checkout(token, now.AddSeconds(-3600 - (i % 100)), email: $"shopper{i}@example.com", customerId: 10_000 + i, id: 50_000 + i);
            using var response = await server.PostAsync("checkouts/create", body);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                acknowledged.Add(token);
            }
        });

        Assert.Equal(Checkouts, acknowledged.Count);
        await WebhookServer.EventuallyAsync(
            () => acknowledged.All(t => server.Workflows.NewStarts.Any(s => s.Cart.CartKey == t)),
            "a recovery for every acknowledged checkout",
            TimeSpan.FromSeconds(90)); // ~20 s on a quiet machine; the margin is for a shared, overloaded one

        var perCheckout = server.Workflows.NewStarts.GroupBy(s => s.Cart.CartKey).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(acknowledged, t => Assert.Equal(1, perCheckout.GetValueOrDefault(t)));
        Assert.Equal(Checkouts, perCheckout.Count);
    }
}
