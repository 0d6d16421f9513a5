using Azure.Data.Tables;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Filters;
using CartRecovery.Core.Targeting.Rules;
using CartRecovery.Storage.Targeting;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Tests.Targeting;

/// <summary>The frequency caps on a real Azurite: reservations are conditional writes, so concurrent recoveries of one shopper send one message.</summary>
public sealed class ContactLedgerConcurrencyTests : IAsyncLifetime
{
    private const string Shop = "tea-house.myshopify.com";
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 10, 0, 0, TimeSpan.Zero);
    private StorageTables tables = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var service = new TableServiceClient(await AzuriteServer.Shared());
        tables = new StorageTables(service, Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CartSnapshot Cart(string key) => new(
        Shop, key, CartKind.Checkout, null, key, new CustomerSnapshot(42, "Mia", null, 1, 10m),
        new ContactInfo("mia@example.com", null, ConsentState.Subscribed, ConsentState.Subscribed), "EUR", 80m, "en", [], null, Now);

    private static EligibilityContext Step(string cartKey, Channel channel, DateTimeOffset at, ShopContactRules? rules = null) =>
        new(EligibilityStage.Step, Cart(cartKey), rules ?? ShopContactRules.Default, "Europe/Berlin", at, channel, "email-1", $"{Shop}/{cartKey}/email-1/{channel.ToString().ToLowerInvariant()}");

    [Fact]
    public async Task Eight_recoveries_of_one_shopper_stepping_at_once_reserve_one_email()
    {
        var store = new TableContactLedgers(tables);
        var filters = Enumerable.Range(0, 8).Select(_ => new FrequencyCapFilter(new TableContactLedgers(tables))).ToList();
        using var start = new Barrier(filters.Count);

        var verdicts = await Task.WhenAll(filters.Select((filter, i) => Task.Run(async () =>
        {
            start.SignalAndWait(Cancel);
            return await filter.EvaluateAsync(Step($"cart-{i}", Channel.Email, Now), Cancel);
        }, Cancel)));

        Assert.Equal(1, verdicts.Count(v => v.Kind == VerdictKind.Pass));
        Assert.Equal(7, verdicts.Count(v => v.Kind == VerdictKind.Skip));
        Assert.All(verdicts.Where(v => v.Kind == VerdictKind.Skip), v => Assert.StartsWith("smart sending", v.Reason));
        Assert.Single((await store.ReadAsync(Shop, "id:42", Cancel)).Entries);
    }

    [Fact]
    public async Task A_released_reservation_frees_the_slot_and_a_repeated_step_keeps_its_own()
    {
        var filter = new FrequencyCapFilter(new TableContactLedgers(tables));
        var first = Step("cart-a", Channel.Email, Now);

        Assert.Equal(VerdictKind.Pass, (await filter.EvaluateAsync(first, Cancel)).Kind);
        Assert.Equal(VerdictKind.Pass, (await filter.EvaluateAsync(first with { Now = Now.AddMinutes(5) }, Cancel)).Kind);
        Assert.Equal(VerdictKind.Skip, (await filter.EvaluateAsync(Step("cart-b", Channel.Email, Now.AddHours(1)), Cancel)).Kind);

        await filter.ReleaseAsync(first, Cancel);

        Assert.Equal(VerdictKind.Pass, (await filter.EvaluateAsync(Step("cart-b", Channel.Email, Now.AddHours(1)), Cancel)).Kind);
    }

    [Fact]
    public async Task A_shop_that_defers_gets_the_time_the_cap_allows()
    {
        var filter = new FrequencyCapFilter(new TableContactLedgers(tables));
        var defer = ShopContactRules.Default with { OnCap = CapAction.Defer };
        await filter.EvaluateAsync(Step("cart-a", Channel.Sms, Now, defer), Cancel);

        var verdict = await filter.EvaluateAsync(Step("cart-b", Channel.Sms, Now.AddHours(2), defer), Cancel);

        Assert.Equal(VerdictKind.Defer, verdict.Kind);
        Assert.Equal(Now.AddHours(24), verdict.Until);
    }

    [Fact]
    public async Task Concurrent_counts_are_all_kept()
    {
        var stats = new TableEligibilityStats(tables);
        var day = new DateOnly(2026, 6, 10);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => stats.RecordAsync(Shop, day, FilterNames.QuietHours, VerdictKind.Defer, Cancel)));
        await stats.RecordAsync(Shop, day.AddDays(1), "passed", VerdictKind.Pass, Cancel);

        var counts = await stats.ReadAsync(Shop, day, day, Cancel);
        Assert.Equal([new Core.Targeting.Eligibility.FilterCount(day, FilterNames.QuietHours, VerdictKind.Defer, 12)], counts);
        Assert.Equal(2, (await stats.ReadAsync(Shop, day, day.AddDays(1), Cancel)).Count);
    }
}
