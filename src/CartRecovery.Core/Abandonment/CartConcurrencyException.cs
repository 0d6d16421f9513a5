namespace CartRecovery.Core.Abandonment;

/// <summary>A cart kept changing under an update: the delivery fails this attempt and is retried from the inbox.</summary>
public sealed class CartConcurrencyException(string message) : Exception(message);
