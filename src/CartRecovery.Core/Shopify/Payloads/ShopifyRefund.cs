namespace CartRecovery.Core.Shopify.Payloads;

/// <summary><c>refunds/create</c>: the order it belongs to and the money returned (its successful refund transactions).</summary>
public sealed record ShopifyRefund
{
    public long? Id { get; init; }

    public long? OrderId { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public List<ShopifyTransaction>? Transactions { get; init; }
}
