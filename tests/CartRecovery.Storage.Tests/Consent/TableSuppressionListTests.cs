using Azure.Data.Tables;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Consent;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Tests.Consent;

/// <summary>The suppression list on a real Azurite, in tables of its own.</summary>
public sealed class TableSuppressionListTests : IAsyncLifetime
{
    private const string Shop = "tea-house.myshopify.com";
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private StorageTables tables = null!;
    private TableSuppressionList list = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var service = new TableServiceClient(await AzuriteServer.Shared());
        tables = new StorageTables(service, Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }));
        list = new TableSuppressionList(tables, new ManualTimeProvider(At));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_unknown_address_is_not_suppressed()
    {
        Assert.Null(await list.FindAsync(Shop, Channel.Email, "nobody@example.com", Cancel));
    }

    [Fact]
    public async Task Emails_are_compared_trimmed_and_lower_cased()
    {
        await list.AddAsync(Shop, Channel.Email, "  Mia@Example.COM ", "unsubscribed", At, Cancel);

        Assert.Equal("unsubscribed", await list.FindAsync(Shop, Channel.Email, "mia@example.com", Cancel));
        Assert.Null(await list.FindAsync(Shop, Channel.Sms, "mia@example.com", Cancel));
        Assert.Null(await list.FindAsync("other.myshopify.com", Channel.Email, "mia@example.com", Cancel));
    }

    [Theory]
    [InlineData("+49 170 123-4567", "+491701234567")]
    [InlineData("0049 (170) 1234567", "+491701234567")]
    [InlineData("+1.415.555.0100", "+14155550100")]
    [InlineData("+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("+442079460958", "+44 020 7946 0958")]
    public async Task Phones_are_compared_as_e164(string stored, string asked)
    {
        await list.AddAsync(Shop, Channel.Sms, stored, "bounced", At, Cancel);

        Assert.Equal("bounced", await list.FindAsync(Shop, Channel.Sms, asked, Cancel));
    }

    [Fact]
    public async Task A_suppression_of_every_channel_applies_to_each_channel()
    {
        await list.AddAsync(Shop, null, "mia@example.com", "complained", At, Cancel);
        await list.AddAsync(Shop, null, "+49 170 1234567", "unsubscribed", At, Cancel);

        Assert.Equal("complained", await list.FindAsync(Shop, Channel.Email, "MIA@example.com", Cancel));
        Assert.Equal("unsubscribed", await list.FindAsync(Shop, Channel.Sms, "+491701234567", Cancel));
    }

    [Fact]
    public async Task Channels_are_kept_apart_and_reasons_accumulate_on_one_row()
    {
        await list.AddAsync(Shop, Channel.Sms, "+491701234567", "unsubscribed", At, Cancel);
        await list.AddAsync(Shop, Channel.Push, "+491701234567", "unsubscribed", At, Cancel);

        var export = await list.ExportCustomerAsync(Shop, new CustomerRef(null, null, "+49 170 1234567"), Cancel);

        var record = Assert.IsType<SuppressionRecord>(Assert.Single(export));
        Assert.Equal("+491701234567", record.Address);
        Assert.Equal("unsubscribed", record.Reasons["sms"]);
    }

    [Fact]
    public async Task Erasing_a_customer_keeps_the_opt_out_but_not_the_address()
    {
        await list.AddAsync(Shop, Channel.Email, "mia@example.com", "unsubscribed", At, Cancel);

        await list.EraseCustomerAsync(Shop, new CustomerRef(7, "Mia@example.com", null), Cancel);

        Assert.Equal("unsubscribed", await list.FindAsync(Shop, Channel.Email, "mia@example.com", Cancel));
        var table = await tables.GetAsync(TableSuppressionList.TableName, Cancel);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(cancellationToken: Cancel))
        {
            rows.Add(row);
        }

        var only = Assert.Single(rows);
        Assert.DoesNotContain(only, p => p.Value is string s && s.Contains("mia", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Erasing_a_shop_removes_its_rows_only()
    {
        for (var i = 0; i < 105; i++)
        {
            await list.AddAsync(Shop, Channel.Email, $"c{i}@example.com", "unsubscribed", At, Cancel);
        }

        await list.AddAsync("other.myshopify.com", Channel.Email, "c1@example.com", "unsubscribed", At, Cancel);

        await list.EraseShopAsync(Shop, Cancel);

        Assert.Null(await list.FindAsync(Shop, Channel.Email, "c1@example.com", Cancel));
        Assert.Null(await list.FindAsync(Shop, Channel.Email, "c104@example.com", Cancel));
        Assert.Equal("unsubscribed", await list.FindAsync("other.myshopify.com", Channel.Email, "c1@example.com", Cancel));
    }
}
