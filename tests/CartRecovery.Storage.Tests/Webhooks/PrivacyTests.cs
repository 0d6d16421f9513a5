using System.Text;
using System.Text.Json;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Carts;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Webhooks;

public sealed class PrivacyTests
{
    private const string Shop = WebhookStorage.Shop;
    private const string OtherShop = "other-shop.myshopify.com";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<WebhookStorage> WithTwoShoppersAsync()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-zoe-1", t0, customerId: 603851970716743426));
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-zoe-guest", t0.AddMinutes(1), customerId: null, email: "ZOE.NUNEZ@example.com", phone: null, id: 3));
        await s.DeliverAsync("orders/create", ShopifyPayloads.Order(5678901234567, "ck-zoe-1", null, t0.AddMinutes(2)));
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-bob", t0, customerId: 42, email: "bob@example.com", phone: "+15550001111", id: 4));
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-zoe-other-shop", t0), shop: OtherShop);
        return s;
    }

    [Fact]
    public async Task Customers_redact_deletes_every_record_of_the_customer_and_nothing_else()
    {
        var s = await WithTwoShoppersAsync();

        await s.DeliverAsync("customers/redact", ShopifyPayloads.Privacy("customers_redact", Shop, 603851970716743426, "zoe.nunez@example.com", "+4915112345678"));

        Assert.False((await s.CheckoutAsync("ck-zoe-1")).Exists);
        Assert.False((await s.CheckoutAsync("ck-zoe-guest")).Exists);
        Assert.True((await s.CheckoutAsync("ck-bob")).Exists);
        Assert.True((await s.CheckoutAsync("ck-zoe-other-shop", OtherShop)).Exists);
        Assert.Empty(await s.CartStore.ExportCustomerAsync(Shop, new CustomerRef(603851970716743426, "zoe.nunez@example.com", null), Cancel));
        var remaining = await s.Due.DueAsync(s.Time.GetUtcNow().AddDays(1), 10, Cancel);
        Assert.DoesNotContain(remaining, d => d.Shop == Shop && d.Key.StartsWith("ck-zoe", StringComparison.Ordinal));
        Assert.Contains(remaining, d => d.Key == "ck-bob");
    }

    [Fact]
    public async Task Data_request_records_an_export_of_everything_held_about_the_customer()
    {
        var s = await WithTwoShoppersAsync();

        await s.DeliverAsync("customers/data_request", ShopifyPayloads.Privacy("customers_data_request", Shop, 603851970716743426, "zoe.nunez@example.com", null, requestId: 9999));

        var summary = Assert.Single(await s.Privacy.ListAsync(Shop, Cancel));
        Assert.Equal(("9999", 603851970716743426L), (summary.Id, summary.CustomerId));
        var bytes = await s.Privacy.GetExportAsync(Shop, "9999", Cancel) ?? throw new InvalidOperationException("no export");
        var export = JsonDocument.Parse(bytes);
        var carts = export.RootElement.GetProperty("data").GetProperty("carts").EnumerateArray().ToList();
        Assert.Equal(3, carts.Count);
        Assert.Equal(3, summary.Records);
        var text = export.RootElement.GetRawText();
        Assert.Contains("ck-zoe-guest", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ck-bob", text, StringComparison.Ordinal);
        Assert.Contains("Łukasiewicz-Núñez", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redaction_also_erases_an_earlier_export_about_the_customer()
    {
        var s = await WithTwoShoppersAsync();
        await s.DeliverAsync("customers/data_request", ShopifyPayloads.Privacy("customers_data_request", Shop, 603851970716743426, "zoe.nunez@example.com", null, requestId: 1));

        await s.DeliverAsync("customers/redact", ShopifyPayloads.Privacy("customers_redact", Shop, 603851970716743426, null, null));

        Assert.Empty(await s.Privacy.ListAsync(Shop, Cancel));
    }

    [Fact]
    public async Task Customers_redact_erases_the_shopper_from_attribution_incentive_codes_and_contact_ledger()
    {
        // Defect: the tables added with measurement, incentives and targeting implemented no IPersonalDataHolder.
        var s = await WithTwoShoppersAsync();
        var tables = new PrivacyNewTables(s);
        await tables.SeedAsync(Shop, Cancel);
        await tables.SeedAsync(OtherShop, Cancel);

        await s.DeliverAsync("customers/redact", ShopifyPayloads.Privacy("customers_redact", Shop, 603851970716743426, "zoe.nunez@example.com", "+4915112345678"));

        foreach (var (zoe, recovery) in new[] { (PrivacyNewTables.ZoeId, "rec-1"), (PrivacyNewTables.ZoeGuest, "rec-2") })
        {
            Assert.Null(await s.Attribution.GetRecoveryAsync(Shop, recovery, Cancel));
            Assert.Null(await s.Attribution.FindRecoveryAsync(Shop, Core.Attribution.MatchRoute.DiscountCode, recovery.Replace("rec", "CODE", StringComparison.Ordinal), Cancel));
            Assert.Null(await s.Attribution.FindRecoveryAsync(Shop, Core.Attribution.MatchRoute.CheckoutToken, recovery.Replace("rec", "ck", StringComparison.Ordinal), Cancel));
            Assert.Empty(await s.Attribution.TouchesOfRecoveryAsync(Shop, recovery, Cancel));
            Assert.Empty(await s.Attribution.TouchesOfCustomerAsync(Shop, zoe, DateTimeOffset.MinValue, Cancel));
            Assert.Equal(0, await tables.Incentives.CountForCustomerAsync(Shop, Core.Incentives.IncentiveCustomerHash.Of(Shop, zoe), DateTimeOffset.MinValue, Cancel));
            Assert.Empty((await tables.Contacts.ReadAsync(Shop, zoe, Cancel)).Entries);
            Assert.NotNull(await s.Attribution.GetRecoveryAsync(OtherShop, recovery, Cancel));
            Assert.NotEmpty((await tables.Contacts.ReadAsync(OtherShop, zoe, Cancel)).Entries);
        }

        Assert.NotNull(await s.Attribution.GetRecoveryAsync(Shop, "rec-3", Cancel));
        Assert.Single(await s.Attribution.TouchesOfCustomerAsync(Shop, PrivacyNewTables.Bob, DateTimeOffset.MinValue, Cancel));
        Assert.Equal(1, await tables.Incentives.CountForCustomerAsync(Shop, Core.Incentives.IncentiveCustomerHash.Of(Shop, PrivacyNewTables.Bob), DateTimeOffset.MinValue, Cancel));
        Assert.Single((await tables.Contacts.ReadAsync(Shop, PrivacyNewTables.Bob, Cancel)).Entries);
    }

    [Fact]
    public async Task Data_request_export_includes_attribution_incentive_codes_and_contact_ledger()
    {
        var s = await WithTwoShoppersAsync();
        await new PrivacyNewTables(s).SeedAsync(Shop, Cancel);

        await s.DeliverAsync("customers/data_request", ShopifyPayloads.Privacy("customers_data_request", Shop, 603851970716743426, "zoe.nunez@example.com", null, requestId: 77));

        var bytes = await s.Privacy.GetExportAsync(Shop, "77", Cancel) ?? throw new InvalidOperationException("no export");
        var data = JsonDocument.Parse(bytes).RootElement.GetProperty("data");
        Assert.Equal(4, data.GetProperty("attribution").GetArrayLength()); // two recoveries, one touch each
        Assert.Equal(["SAVE-1", "SAVE-2"], data.GetProperty("incentiveCodes").EnumerateArray().Select(c => c.GetProperty("code").GetString()).Order());
        Assert.Equal(2, data.GetProperty("contactLedger").GetArrayLength());
        var text = data.GetRawText();
        Assert.DoesNotContain("SAVE-3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rec-3", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shop_redact_deletes_everything_of_the_shop_only()
    {
        var s = await WithTwoShoppersAsync();
        await s.DeliverAsync("customers/data_request", ShopifyPayloads.Privacy("customers_data_request", Shop, 42, null, null, requestId: 2));

        await s.DeliverAsync("shop/redact", Encoding.UTF8.GetBytes(ShopifyFixtures.Text("shop_redact")));

        Assert.Equal(0, await s.RowCountAsync(TableCartRepository.TableName, Shop));
        Assert.Empty(await s.Privacy.ListAsync(Shop, Cancel));
        Assert.False((await s.Shops.GetAsync(Shop, Cancel)).Install.IsKnown);
        Assert.DoesNotContain(await s.Due.DueAsync(s.Time.GetUtcNow().AddDays(1), 10, Cancel), d => d.Shop == Shop);
        Assert.True(await s.RowCountAsync(TableCartRepository.TableName, OtherShop) > 0);
    }

    [Fact]
    public async Task After_shop_redact_no_entity_in_any_table_mentions_the_shop()
    {
        // Defect of issue 11: shop/redact deleted the store row but left the store settings row behind.
        var s = await WithTwoShoppersAsync();
        await s.Shops.SaveRecoverySettingsAsync(Shop, Core.Workflow.Settings.RecoveryPresets.Defaults with { AbandonmentThreshold = TimeSpan.FromMinutes(20) }, Cancel);
        await s.Shops.SaveProfileAsync(new Core.Shops.ShopProfile(Shop, "Example Shop", "en", ["shop.example.com"], "Europe/Lisbon", "EUR"), Cancel);
        await s.Shops.SaveRecoverySettingsAsync(OtherShop, Core.Workflow.Settings.RecoveryPresets.Defaults, Cancel);
        await new PrivacyNewTables(s).SeedAsync(Shop, Cancel); // every table the later features added
        await new PrivacyNewTables(s).SeedAsync(OtherShop, Cancel);
        Assert.NotEmpty(await EntitiesMentioningAsync(s, Shop));

        await s.DeliverAsync("shop/redact", Encoding.UTF8.GetBytes(ShopifyFixtures.Text("shop_redact")));

        Assert.Empty(await EntitiesMentioningAsync(s, Shop));
        Assert.NotEmpty(await EntitiesMentioningAsync(s, OtherShop));
        Assert.NotEqual(TimeSpan.FromMinutes(20), (await s.Shops.GetAsync(Shop, Cancel)).Recovery.AbandonmentThreshold); // back to the defaults
    }

    /// <summary>"table/partition/row" of every entity, in every table of the run, whose keys or values contain <paramref name="shop"/>.</summary>
    private static async Task<IReadOnlyList<string>> EntitiesMentioningAsync(WebhookStorage s, string shop)
    {
        var found = new List<string>();
        foreach (var name in await s.Tables.ListAsync(string.Empty, cancellationToken: Cancel))
        {
            var table = await s.Tables.GetAsync(name, Cancel);
            await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>(cancellationToken: Cancel))
            {
                var text = string.Join('\n', entity.Select(p => $"{p.Key}={p.Value}").Prepend(entity.RowKey).Prepend(entity.PartitionKey));
                if (text.Contains(shop, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"{name}/{entity.PartitionKey}/{entity.RowKey}");
                }
            }
        }

        return found;
    }
}
