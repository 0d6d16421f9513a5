using Azure;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableServicePingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ping_succeeds_against_a_running_azurite()
    {
        var service = await AzuriteTables.ServiceAsync();

        await service.PingAsync(Cancel);
    }

    [Fact]
    public async Task Ping_against_a_stopped_azurite_fails_on_its_single_attempt()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        using var recorder = new RecordingHandler();
        var service = new TableServiceClient(azurite.ConnectionString, StorageClientOptions.Create(recorder));
        await service.PingAsync(Cancel);

        await azurite.StopAsync();
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => service.PingAsync(Cancel));

        Assert.Equal(0, error.Status);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, recorder.Attempts.Count); // one before the stop, one after: no retries
    }

    [Fact]
    public async Task Ping_with_rejected_credentials_is_a_403()
    {
        var connection = (await AzuriteServer.Shared()).Replace(AzuriteServer.DevAccountKey, Convert.ToBase64String(new byte[32]), StringComparison.Ordinal);
        var service = new TableServiceClient(connection);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => service.PingAsync(Cancel));

        Assert.Equal(403, error.Status);
    }
}
