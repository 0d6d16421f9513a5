namespace CartRecovery.Core.Carts;

/// <summary>The customer behind a checkout, as far as the payload tells (segmentation reads orders count and lifetime value).</summary>
public sealed record CustomerSnapshot(
    long? Id,
    string? FirstName,
    string? LastName,
    int OrdersCount,
    decimal TotalSpent);
