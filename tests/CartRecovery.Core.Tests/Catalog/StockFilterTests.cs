using CartRecovery.Core.Carts;
using CartRecovery.Core.Catalog;

namespace CartRecovery.Core.Tests.Catalog;

public sealed class StockFilterTests
{
    private static CartLine Line(long? variant) => new(1, variant, $"Item {variant}", null, 1, 10m, null, null);

    [Fact]
    public void Sold_out_lines_are_left_out_low_ones_marked_and_unknown_ones_kept()
    {
        var lines = new[] { Line(1), Line(2), Line(3), Line(4), Line(null) };
        var quantities = new Dictionary<long, int> { [1] = 0, [2] = 5, [3] = 6, [99] = 1 };

        var kept = StockFilter.Apply(lines, quantities, lowStockThreshold: 5);

        Assert.Equal([2L, 3L, 4L, null], kept.Select(l => l.VariantId));
        Assert.Equal([true, false, false, false], kept.Select(l => l.LowStock));
    }

    [Fact]
    public void Negative_stock_counts_as_sold_out()
    {
        Assert.Empty(StockFilter.Apply([Line(1), Line(2)], new Dictionary<long, int> { [1] = -2, [2] = 0 }, 5));
    }
}
