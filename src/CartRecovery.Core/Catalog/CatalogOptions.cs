namespace CartRecovery.Core.Catalog;

/// <summary>Stock checks before a message (section <c>Catalog</c>): at or below <see cref="LowStockThreshold"/> a line is "low stock"; lookups are cached <see cref="InventoryCacheFor"/>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    public int LowStockThreshold { get; set; } = 5;

    public TimeSpan InventoryCacheFor { get; set; } = TimeSpan.FromSeconds(60);
}
