namespace CartRecovery.Core.Messaging.Delivery;

/// <summary>What a provider answered for an accepted message: its name and the id it gave the message.</summary>
public sealed record ProviderReceipt(string Provider, string ProviderMessageId);
