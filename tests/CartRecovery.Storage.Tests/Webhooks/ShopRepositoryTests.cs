using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Storage.Shops;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>The shop aggregate in its one row on Azurite: parts change independently, seeds apply until a profile is stored.</summary>
public sealed class ShopRepositoryTests
{
    private const string Shop = WebhookStorage.Shop;
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Install_profile_and_settings_live_in_one_row_and_a_change_of_one_part_keeps_the_others()
    {
        var s = await WebhookStorage.CreateAsync();
        var seeds = new ShopSeeds([new ShopSeedOptions { Shop = Shop, Name = "Seeded", TimeZone = "Europe/Lisbon", Currency = "eur" }]);
        var first = new TableShopRepository(s.Tables, seeds, RecoveryPresets.Defaults);
        var second = new TableShopRepository(s.Tables, seeds, RecoveryPresets.Defaults); // another process: its own cache

        Assert.Equal(("Seeded", "Europe/Lisbon", "EUR"), ((await first.GetAsync(Shop, Cancel)).Profile.Name, (await first.GetAsync(Shop, Cancel)).Profile.TimeZone, (await first.GetAsync(Shop, Cancel)).Profile.Currency));
        Assert.True(await first.RecordContactAsync(Shop, T0, Cancel));
        await second.SaveRecoverySettingsAsync(Shop, RecoveryPresets.Defaults with { AbandonmentThreshold = TimeSpan.FromMinutes(45) }, Cancel);
        await first.MarkUninstalledAsync(Shop, T0.AddHours(1), Cancel);
        await second.SaveProfileAsync(new ShopProfile(Shop, "Stored", "pt", ["loja.example"]), Cancel);

        var shop = await new TableShopRepository(s.Tables, seeds, RecoveryPresets.Defaults).GetAsync(Shop, Cancel);
        Assert.Equal(new ShopInstall(T0, T0.AddHours(1)), shop.Install);
        Assert.Equal(TimeSpan.FromMinutes(45), shop.Recovery.AbandonmentThreshold);
        Assert.Equal(("Stored", "pt"), (shop.Profile.Name, shop.Profile.DefaultLocale));
        Assert.Equal(1, await s.RowCountAsync(TableShopRepository.TableName));
    }

    [Fact]
    public async Task A_late_event_after_an_uninstall_is_refused_and_a_later_one_reinstalls()
    {
        var s = await WebhookStorage.CreateAsync();
        await s.Shops.RecordContactAsync(Shop, T0, Cancel);
        await s.Shops.MarkUninstalledAsync(Shop, T0.AddHours(1), Cancel);

        Assert.False(await s.Shops.RecordContactAsync(Shop, T0.AddMinutes(30), Cancel));
        Assert.True(await s.Shops.RecordContactAsync(Shop, T0.AddHours(2), Cancel));

        var reread = await new TableShopRepository(s.Tables, ShopSeeds.None, RecoveryPresets.Defaults).GetAsync(Shop, Cancel);
        Assert.Equal(new ShopInstall(T0, null), reread.Install);
    }
}
