using CartRecovery.Core.Abandonment;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>
/// Issue 9, defect 2: a sweep that runs between a writer's due entry and its cart row must not lose the abandonment. Each
/// test stops the writer at exactly that point and runs a whole sweep there.
/// </summary>
public sealed class AbandonmentRaceTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_overdue_checkout_swept_before_its_row_is_written_is_still_abandoned_at_once()
    {
        InterleavedDueIndex? index = null;
        var s = await WebhookStorage.CreateAsync(writersIndex: inner => index = new InterleavedDueIndex(inner));
        var now = s.Time.GetUtcNow();
        var swept = 0;
        index!.AfterAdd = async _ =>
        {
            await s.Sweeper.RunOnceAsync(now, Cancel);
            swept++;
        };

        // Already 3,650 s old with a 60-minute threshold: due the moment it arrives.
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-overdue", now.AddSeconds(-3650)));
        Assert.Equal(1, swept);

        await s.Sweeper.RunOnceAsync(now, Cancel);
        var start = Assert.Single(s.Workflows.NewStarts);
        Assert.Equal("ck-overdue", start.Cart.CartKey);
        Assert.Equal(now.AddSeconds(-50), start.AbandonedAt);
        Assert.NotNull((await s.CheckoutAsync("ck-overdue")).Cart.WorkflowStartedAt);
        Assert.Empty(await s.Due.DueAsync(now.AddDays(1), 10, Cancel));
    }

    [Fact]
    public async Task An_update_that_makes_a_checkout_due_survives_a_sweep_between_its_entry_and_its_row()
    {
        InterleavedDueIndex? index = null;
        var s = await WebhookStorage.CreateAsync(writersIndex: inner => index = new InterleavedDueIndex(inner));
        var now = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-contact", now.AddHours(-3), email: null, customerId: null, phone: null));
        Assert.Null((await s.CheckoutAsync("ck-contact")).DueAt); // no contact details: never due

        index!.AfterAdd = _ => s.Sweeper.RunOnceAsync(now, Cancel);
        await s.DeliverAsync("checkouts/update", ShopifyPayloads.Checkout("ck-contact", now.AddSeconds(-3700)));

        await s.Sweeper.RunOnceAsync(now, Cancel);
        Assert.Equal("ck-contact", Assert.Single(s.Workflows.NewStarts).Cart.CartKey);
    }

    [Fact]
    public async Task An_entry_left_by_a_writer_that_crashed_before_its_row_is_dropped_and_the_retry_is_abandoned()
    {
        var s = await WebhookStorage.CreateAsync();
        var now = s.Time.GetUtcNow();
        // What a crash right after indexing leaves: an entry whose cart row was never written.
        await s.Due.AddAsync(new DueEntry(now.AddSeconds(-60), WebhookStorage.Shop, Core.Carts.CartKind.Checkout, "ck-crashed"), Cancel);

        Assert.Null(await s.Sweeper.RunOnceAsync(now, Cancel));
        Assert.Empty(s.Workflows.Starts);
        Assert.Empty(await s.Due.DueAsync(now.AddDays(1), 10, Cancel));

        // The delivery was never completed, so the inbox retries it: now it is written whole and abandoned.
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-crashed", now - Hour - TimeSpan.FromSeconds(60)));
        await s.Sweeper.RunOnceAsync(now, Cancel);
        Assert.Equal("ck-crashed", Assert.Single(s.Workflows.NewStarts).Cart.CartKey);
    }
}
