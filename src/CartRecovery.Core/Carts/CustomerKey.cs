namespace CartRecovery.Core.Carts;

/// <summary>One shopper across checkouts and devices: by Shopify customer id, else by email.</summary>
public static class CustomerKey
{
    public static string? From(long? customerId, string? email) =>
        customerId is { } id ? $"id:{id}"
        : string.IsNullOrWhiteSpace(email) ? null
        : $"email:{email.Trim().ToLowerInvariant()}";
}
