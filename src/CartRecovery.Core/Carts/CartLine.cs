namespace CartRecovery.Core.Carts;

/// <summary>One line of a cart, priced in the presentment currency.</summary>
public sealed record CartLine(
    long? ProductId,
    long? VariantId,
    string Title,
    string? VariantTitle,
    int Quantity,
    decimal Price,
    string? ImageUrl,
    string? Sku);
