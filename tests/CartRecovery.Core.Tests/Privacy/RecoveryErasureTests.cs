using CartRecovery.Core.Privacy;
using CartRecovery.Core.Tests.Fakes;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Tests.Privacy;

/// <summary>
/// Erasing recoveries on either engine: which ones (the customer's by id or email, or the shop's), and in which order (the
/// engine's copy before the summary), which is what keeps a concurrent summary write from outliving the erasure.
/// </summary>
public sealed class RecoveryErasureTests
{
    private const string Shop = "demo.myshopify.com";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static SequenceSummary Summary(string id, string? customerKey, string shop = Shop) =>
        new(id, shop, "cart-" + id, customerKey, Segment.FirstTime, RecoveryStatus.Active, null, null, null, null, null, DateTimeOffset.UnixEpoch, null, 80m, "EUR", []);

    private static async Task<InMemorySequenceIndex> IndexWithAsync(params SequenceSummary[] summaries)
    {
        var index = new InMemorySequenceIndex();
        foreach (var summary in summaries)
        {
            await index.UpsertAsync(summary, Cancel);
        }

        return index;
    }

    [Fact]
    public async Task A_customer_is_erased_by_id_and_by_email_engine_first_and_nobody_else()
    {
        var index = await IndexWithAsync(Summary("w1", "id:7"), Summary("w2", "email:ada@example.com"), Summary("w3", "id:8"), Summary("w4", "id:7", shop: "other.myshopify.com"));
        var engine = new RecordingEraser(index, Shop);

        await new RecoveryPersonalData(index, engine).EraseCustomerAsync(Shop, new CustomerRef(7, "Ada@Example.com", null), Cancel);

        Assert.Equal([("w1", true), ("w2", true)], engine.Erased);
        Assert.Null(await index.GetAsync(Shop, "w1", Cancel));
        Assert.Null(await index.GetAsync(Shop, "w2", Cancel));
        Assert.NotNull(await index.GetAsync(Shop, "w3", Cancel));
        Assert.NotNull(await index.GetAsync("other.myshopify.com", "w4", Cancel));
    }

    [Fact]
    public async Task A_shop_is_erased_across_pages()
    {
        var index = await IndexWithAsync(Enumerable.Range(0, 450).Select(i => Summary($"w{i:D3}", null)).Append(Summary("kept", null, shop: "other.myshopify.com")).ToArray());
        var engine = new RecordingEraser(index, Shop);

        await new RecoveryPersonalData(index, engine).EraseShopAsync(Shop, Cancel);

        Assert.Equal(450, engine.Erased.Count);
        Assert.Empty((await index.ListAsync(Shop, null, null, 1000, Cancel)).Items);
        Assert.NotNull(await index.GetAsync("other.myshopify.com", "kept", Cancel));
    }

    [Fact]
    public async Task A_failed_engine_erasure_keeps_the_summary_so_the_retry_finds_the_recovery()
    {
        var index = await IndexWithAsync(Summary("w1", "id:7"));
        var holder = new RecoveryPersonalData(index, new RecordingEraser(index, Shop) { Fail = true });

        await Assert.ThrowsAsync<IOException>(() => holder.EraseCustomerAsync(Shop, new CustomerRef(7, null, null), Cancel));

        Assert.NotNull(await index.GetAsync(Shop, "w1", Cancel));
    }

    [Fact]
    public async Task A_summary_write_updates_a_row_that_exists_without_asking_the_engine()
    {
        var index = await IndexWithAsync(Summary("w1", "id:7"));
        var asked = false;

        await index.SaveUnlessErasedAsync(Summary("w1", "id:7") with { Status = RecoveryStatus.Completed }, _ => { asked = true; return Task.FromResult(false); }, Cancel);

        Assert.Equal(RecoveryStatus.Completed, (await index.GetAsync(Shop, "w1", Cancel))?.Status);
        Assert.False(asked);
    }

    [Theory]
    [InlineData(true)] // the start's summary was lost in a crash: the wake-up writes it
    [InlineData(false)] // the recovery was erased after the runner read it: nothing is left
    public async Task A_missing_summary_is_written_only_for_a_recovery_the_engine_still_has(bool recoveryExists)
    {
        var index = new InMemorySequenceIndex();

        await index.SaveUnlessErasedAsync(Summary("w1", "id:7"), _ => Task.FromResult(recoveryExists), Cancel);

        Assert.Equal(recoveryExists, await index.GetAsync(Shop, "w1", Cancel) is not null);
    }

    /// <summary>Records each erased id and whether its summary was still there (it must be: engine first, summary second).</summary>
    private sealed class RecordingEraser(ISequenceIndex index, string shop) : IRecoveryEraser
    {
        public bool Fail { get; init; }

        public List<(string Id, bool SummaryStillThere)> Erased { get; } = [];

        public async Task EraseAsync(WorkflowId id, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new IOException("the engine is unavailable");
            }

            Erased.Add((id.Value, await index.GetAsync(shop, id.Value, cancellationToken) is not null));
        }
    }
}
