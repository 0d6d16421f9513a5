using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Catalog;

/// <summary>
/// The pure part of stock checks: lines whose variant is out of stock are left out, lines at or below the threshold are
/// marked low stock; a line whose stock is unknown (not tracked, no variant id) stays as it is.
/// </summary>
public static class StockFilter
{
    public const string AllOutOfStock = "all-items-out-of-stock";

    public static IReadOnlyList<CartLine> Apply(IReadOnlyList<CartLine> lines, IReadOnlyDictionary<long, int> quantities, int lowStockThreshold) =>
        [.. lines
            .Where(l => l.VariantId is not { } id || !quantities.TryGetValue(id, out var left) || left > 0)
            .Select(l => l.VariantId is { } id && quantities.TryGetValue(id, out var left) ? l with { LowStock = left <= lowStockThreshold } : l)];
}
