using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using CartRecovery.Core.Catalog;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.ShopifyAdmin;

/// <summary>
/// Variant stock by <c>nodes(ids:)</c>, up to <see cref="BatchSize"/> variants per call, each answer cached per shop and
/// variant for <see cref="CatalogOptions.InventoryCacheFor"/> (a burst of steps for carts with the same items reads once).
/// Variants Shopify does not track (<c>inventoryQuantity</c> null) or no longer has are left out of the answer.
/// </summary>
public sealed class ShopifyInventoryLookup(AdminGraphQlClient client, IOptions<CatalogOptions> options, TimeProvider time) : IInventoryLookup
{
    public const int BatchSize = 100;

    internal const string Query = """
        query VariantStock($ids: [ID!]!) {
          nodes(ids: $ids) { ... on ProductVariant { id inventoryQuantity } }
        }
        """;

    private readonly ConcurrentDictionary<(string Shop, long Variant), (int? Quantity, DateTimeOffset Until)> cache = new();

    public async Task<IReadOnlyDictionary<long, int>> QuantitiesAsync(string shop, string accessToken, IReadOnlyCollection<long> variantIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = new Dictionary<long, int>();
        var missing = new List<long>();
        foreach (var id in variantIds.Distinct())
        {
            if (cache.TryGetValue((shop, id), out var cached) && cached.Until > now)
            {
                if (cached.Quantity is { } quantity)
                {
                    result[id] = quantity;
                }
            }
            else
            {
                missing.Add(id);
            }
        }

        foreach (var batch in missing.Chunk(BatchSize))
        {
            var ids = batch.Select(id => $"gid://shopify/ProductVariant/{id.ToString(CultureInfo.InvariantCulture)}").ToArray();
            var data = await client.QueryAsync(shop, accessToken, Query, new { ids }, cancellationToken).ConfigureAwait(false);
            var found = new Dictionary<long, int?>();
            foreach (var node in data.GetProperty("nodes").EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("id", out _)))
            {
                var gid = node.GetProperty("id").GetString() ?? string.Empty;
                if (long.TryParse(gid[(gid.LastIndexOf('/') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    found[id] = node.TryGetProperty("inventoryQuantity", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetInt32() : null;
                }
            }

            foreach (var id in batch)
            {
                var quantity = found.GetValueOrDefault(id);
                cache[(shop, id)] = (quantity, now + options.Value.InventoryCacheFor);
                if (quantity is { } known)
                {
                    result[id] = known;
                }
            }
        }

        return result;
    }
}
