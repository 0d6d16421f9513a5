namespace CartRecovery.Core.Catalog;

/// <summary>Variant stock from the shop's Admin API, in batches; a variant Shopify does not track (or no longer has) is absent.</summary>
public interface IInventoryLookup
{
    Task<IReadOnlyDictionary<long, int>> QuantitiesAsync(string shop, string accessToken, IReadOnlyCollection<long> variantIds, CancellationToken cancellationToken);
}
