namespace CartRecovery.Core.Incentives;

/// <summary>A code discount as Shopify holds it: its node id (gid) and code.</summary>
public sealed record DiscountCode(string Id, string Code);
