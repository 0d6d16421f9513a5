namespace CartRecovery.Core.Privacy;

/// <summary>Where data requests and their exports are kept until the merchant fetches them (and erased with the customer or shop).</summary>
public interface IPrivacyRequestRepository
{
    Task SaveAsync(string shop, PrivacyRequestSummary request, CustomerRef customer, ReadOnlyMemory<byte> exportJson, CancellationToken cancellationToken);

    Task<IReadOnlyList<PrivacyRequestSummary>> ListAsync(string shop, CancellationToken cancellationToken);

    /// <summary>The export's JSON, or null when there is no such request.</summary>
    Task<byte[]?> GetExportAsync(string shop, string id, CancellationToken cancellationToken);
}
