using Azure.Data.Tables;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Tests.DependencyInjection;

public sealed class StorageServiceCollectionExtensionsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_a_connection_string_the_tables_are_created_with_the_prefix_on_first_use()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8];
        await using var provider = Build(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = await AzuriteServer.Shared(),
            ["Storage:TablePrefix"] = prefix,
        });
        var tables = provider.GetRequiredService<StorageTables>();

        var carts = await tables.GetAsync("Carts", Cancel);
        await carts.AddEntityAsync(new TableEntity("p", "r"), Cancel);

        Assert.Equal(prefix + "Carts", carts.Name);
        Assert.Same(carts, await tables.GetAsync("Carts", Cancel));
        Assert.Same(provider.GetRequiredService<TableServiceClient>(), tables.Service);
        Assert.NotNull(await carts.GetEntityIfExistsAsync("p", "r", cancellationToken: Cancel));
        await carts.DeleteAsync(Cancel);
    }

    [Fact]
    public async Task A_table_endpoint_selects_a_token_credential_for_that_endpoint()
    {
        await using var provider = Build(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "this would not parse",
            ["Storage:TableEndpoint"] = "https://myacct.table.core.windows.net/",
            ["Storage:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var service = provider.GetRequiredService<TableServiceClient>();

        Assert.Equal(new Uri("https://myacct.table.core.windows.net"), service.Uri);
        Assert.Equal("myacct", service.AccountName);
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(StorageServiceCollectionExtensions.CreateCredential("00000000-0000-0000-0000-000000000001"));
        Assert.IsType<Azure.Identity.DefaultAzureCredential>(StorageServiceCollectionExtensions.CreateCredential(null));
    }

    [Fact]
    public async Task Registered_client_options_are_used()
    {
        using var recorder = new Tables.RecordingHandler();
        var services = new ServiceCollection();
        services.AddSingleton(StorageClientOptions.Create(recorder));
        services.AddCartRecoveryStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = await AzuriteServer.Shared() }).Build());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<TableServiceClient>().PingAsync(Cancel);

        Assert.Single(recorder.Attempts);
    }

    [Fact]
    public async Task A_malformed_connection_string_fails_on_resolution_with_the_reason()
    {
        await using var provider = Build(new Dictionary<string, string?> { ["Storage:ConnectionString"] = "AccountName=a" });

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<TableServiceClient>());

        Assert.Contains("Connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_are_development_storage_and_the_cr_prefix()
    {
        await using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Equal("cr", options.TablePrefix);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), provider.GetRequiredService<TableServiceClient>().Uri);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddCartRecoveryStorage(configuration).BuildServiceProvider();
    }
}
