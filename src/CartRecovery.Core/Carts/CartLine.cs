namespace CartRecovery.Core.Carts;

/// <summary>
/// One line of a cart, priced in the presentment currency. <see cref="LowStock"/> marks a line whose variant is nearly sold
/// out; no inventory data is read yet, so it is false unless a caller knows better (it drives the low-stock segment and steps).
/// </summary>
public sealed record CartLine(
    long? ProductId,
    long? VariantId,
    string Title,
    string? VariantTitle,
    int Quantity,
    decimal Price,
    string? ImageUrl,
    string? Sku,
    bool LowStock = false);
