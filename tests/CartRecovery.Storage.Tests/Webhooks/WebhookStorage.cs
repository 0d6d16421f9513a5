using Azure.Data.Tables;
using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Analytics;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Ingestion;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Admin;
using CartRecovery.Storage.Analytics;
using CartRecovery.Storage.Attribution;
using CartRecovery.Storage.Carts;
using CartRecovery.Storage.Privacy;
using CartRecovery.Storage.Security;
using CartRecovery.Storage.Shops;
using CartRecovery.Storage.Tables;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>The webhook pipeline on the shared Azurite, with its own tables, a manual clock and a recording workflow port.</summary>
internal sealed class WebhookStorage
{
    public const string Shop = "example-shop.myshopify.com";

    private WebhookStorage(StorageTables tables, TimeSpan threshold, Func<IAbandonmentDueIndex, IAbandonmentDueIndex>? writersIndex)
    {
        Tables = tables;
        var webhookOptions = Microsoft.Extensions.Options.Options.Create(new WebhookOptions { Partitions = 4 });
        Options = webhookOptions.Value;
        Inbox = new TableWebhookInbox(tables, webhookOptions, Signal);
        Queue = new WebhookInboxQueue(tables, webhookOptions, Time);
        Due = new AbandonmentDueIndex(tables, new AbandonmentWakeup());
        Shops = new TableShopRepository(tables, ShopSeeds.None, RecoveryPresets.DefaultsFor(new AbandonmentOptions { Threshold = threshold }));
        Thresholds = new ShopAbandonmentThresholds(Shops);
        CartStore = new TableCartRepository(tables, writersIndex is null ? Due : writersIndex(Due));
        Carts = new TrackedCarts(CartStore, Thresholds);
        Privacy = new TablePrivacyRequestRepository(tables);
        Attribution = new TableAttributionRepository(tables);
        Rollups = new TableAnalyticsRollups(tables);
        Recorder = new MeasurementRecorder(Attribution, Rollups, []);
        Attributor = new OrderAttributor(Attribution, Recorder, Microsoft.Extensions.Options.Options.Create(new AttributionOptions()));
        AccessTokens = new TableShopAccessTokens(tables, new SecretKeyRing(Microsoft.Extensions.Options.Options.Create(new SecurityOptions { EncryptionKeys = [TestKey] })));
        Processor = NewProcessor(Workflows);
        Worker = new WebhookInboxWorker(Queue, Processor, NullLogger<WebhookInboxWorker>.Instance);
        Sweeper = NewSweeper(Workflows);
    }

    /// <summary>A fixed test key for the shop access tokens' encryption.</summary>
    public const string TestKey = "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public ManualTimeProvider Time { get; } = new();

    public TableShopAccessTokens AccessTokens { get; }

    public RecordingRecoveryWorkflows Workflows { get; } = new();

    public InboxSignal Signal { get; } = new();

    public WebhookOptions Options { get; }

    public StorageTables Tables { get; }

    public TableWebhookInbox Inbox { get; }

    public WebhookInboxQueue Queue { get; }

    public AbandonmentDueIndex Due { get; }

    public TableShopRepository Shops { get; }

    public ShopAbandonmentThresholds Thresholds { get; }

    /// <summary>The storage adapter behind <see cref="Carts"/>.</summary>
    public TableCartRepository CartStore { get; }

    public TrackedCarts Carts { get; }

    public TablePrivacyRequestRepository Privacy { get; }

    public TableAttributionRepository Attribution { get; }

    public TableAnalyticsRollups Rollups { get; }

    public MeasurementRecorder Recorder { get; }

    public OrderAttributor Attributor { get; }

    public WebhookDeliveryProcessor Processor { get; }

    public WebhookInboxWorker Worker { get; }

    public AbandonmentSweeper Sweeper { get; }

    /// <summary>Every storage holder the hosts register (the recovery engine's own holder is left out: no engine runs here).</summary>
    public IEnumerable<IPersonalDataHolder> Holders =>
    [
        CartStore,
        Privacy,
        new AttributionPersonalData(Tables),
        new Storage.Incentives.IncentivePersonalData(Tables),
        new Storage.Targeting.ContactLedgerPersonalData(Tables),
        new ShopTablesPersonalData(Tables, "measurement", [TableAnalyticsRollups.TableName, Storage.Experiments.TableExperimentRepository.TableName]),
        new ShopTablesPersonalData(Tables, "reconciliation", [TableReconciliationState.TableName]),
        new ShopTablesPersonalData(Tables, "eligibilityCounts", [Storage.Targeting.TableEligibilityStats.TableName]),
    ];

    /// <summary>A sweeper as a freshly started process would have it (same tables), handing over to <paramref name="workflows"/>.</summary>
    public AbandonmentSweeper NewSweeper(Core.Workflow.IRecoveryWorkflows workflows) =>
        new(Due, Carts, Shops, workflows, NullLogger<AbandonmentSweeper>.Instance);

    /// <summary>The delivery processor with its topic families, handing over to <paramref name="workflows"/>, as the hosts compose it.</summary>
    public WebhookDeliveryProcessor NewProcessor(Core.Workflow.IRecoveryWorkflows workflows)
    {
        var supersession = new CheckoutSupersession(Carts, workflows);
        return new WebhookDeliveryProcessor(
            new CartDeliveries(Carts, supersession, workflows, NullLogger<CartDeliveries>.Instance),
            new OrderDeliveries(Carts, supersession, workflows, Attributor),
            new ShopLifecycleDeliveries(Shops, Due, workflows, AccessTokens, NullLogger<ShopLifecycleDeliveries>.Instance),
            new PrivacyDeliveries(Carts, Shops, Due, Privacy, Holders, AccessTokens, Time, NullLogger<PrivacyDeliveries>.Instance),
            NullLogger<WebhookDeliveryProcessor>.Instance);
    }

    /// <param name="writersIndex">Wraps the due index as the cart writers see it (to stop a writer between its steps).</param>
    public static async Task<WebhookStorage> CreateAsync(TimeSpan? threshold = null, Func<IAbandonmentDueIndex, IAbandonmentDueIndex>? writersIndex = null)
    {
        var service = new TableServiceClient(await AzuriteServer.Shared());
        var options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] });
        return new WebhookStorage(new StorageTables(service, options), threshold ?? TimeSpan.FromMinutes(60), writersIndex);
    }

    public WebhookDelivery Delivery(string topic, byte[] body, string? webhookId = null, string? eventId = null, string shop = Shop, DateTimeOffset? triggeredAt = null) =>
        new(shop, topic, webhookId ?? Guid.NewGuid().ToString(), eventId ?? Guid.NewGuid().ToString(), triggeredAt ?? Time.GetUtcNow(), "2026-07", Time.GetUtcNow(), body);

    /// <summary>Records the delivery as the endpoint would, and leaves it pending.</summary>
    public Task<InboxAcceptance> AcceptAsync(string topic, byte[] body, string? webhookId = null) =>
        Inbox.AcceptAsync(Delivery(topic, body, webhookId), TestContext.Current.CancellationToken);

    /// <summary>A checkout delivered and processed, whose recovery has started (so changes to it signal the workflow).</summary>
    public async Task RecoveringCheckoutAsync(string token, DateTimeOffset at)
    {
        await DeliverAsync("checkouts/create", ShopifyPayloads.Checkout(token, at));
        var recovering = await CheckoutAsync(token);
        await Carts.TryWriteAsync(recovering, recovering.Cart with { WorkflowStartedAt = at }, TestContext.Current.CancellationToken);
    }

    /// <summary>Records the delivery as the endpoint would, then runs the partition's worker as the background service would.</summary>
    public async Task<InboxAcceptance> DeliverAsync(WebhookDelivery delivery)
    {
        var acceptance = await Inbox.AcceptAsync(delivery, TestContext.Current.CancellationToken);
        await ProcessAsync(delivery.Shop);
        return acceptance;
    }

    public Task<InboxAcceptance> DeliverAsync(string topic, byte[] body, string? webhookId = null, string? eventId = null, string shop = Shop, DateTimeOffset? triggeredAt = null) =>
        DeliverAsync(Delivery(topic, body, webhookId, eventId, shop, triggeredAt));

    public Task<int> ProcessAsync(string shop = Shop) =>
        Worker.RunPassAsync(InboxPartitions.For(shop, Options.Partitions), TestContext.Current.CancellationToken);

    /// <summary>Runs the partition's passes until one completes nothing, as the background service and the Functions timer do.</summary>
    public async Task DrainAsync(WebhookInboxWorker? worker = null)
    {
        while (await (worker ?? Worker).RunPassAsync(InboxPartitions.For(Shop, Options.Partitions), TestContext.Current.CancellationToken) > 0)
        {
        }
    }

    public Task<LoadedCart> CheckoutAsync(string token, string shop = Shop) =>
        Carts.LoadAsync(shop, Core.Carts.CartKind.Checkout, token, TestContext.Current.CancellationToken);

    public Task<LoadedCart> CartAsync(string token, string shop = Shop) =>
        Carts.LoadAsync(shop, Core.Carts.CartKind.Cart, token, TestContext.Current.CancellationToken);

    public async Task<int> RowCountAsync(string logicalTable, string? partition = null)
    {
        var table = await Tables.GetAsync(logicalTable, TestContext.Current.CancellationToken);
        var count = 0;
        await foreach (var _ in table.QueryAsync(partition is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: TestContext.Current.CancellationToken))
        {
            count++;
        }

        return count;
    }
}
