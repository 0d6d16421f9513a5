namespace CartRecovery.Core.Attribution;

/// <summary>What identifies a recovery when an order arrives: its checkout, its cart, its shopper, and the experiment arm it runs in.</summary>
public sealed record RecoveryLink(
    string Shop,
    string RecoveryId,
    string? CheckoutToken,
    string? CartToken,
    string? CustomerKey,
    string? Variant,
    DateTimeOffset StartedAt);
