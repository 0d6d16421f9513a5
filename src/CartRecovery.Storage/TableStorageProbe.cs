using CartRecovery.Core.Health;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage;

/// <summary>The health check of Table Storage: one cheap authenticated call.</summary>
public sealed class TableStorageProbe(TableServiceClient service) : IDependencyProbe
{
    public string Name => "storage";

    public Task ProbeAsync(CancellationToken cancellationToken) => service.PingAsync(cancellationToken);
}
