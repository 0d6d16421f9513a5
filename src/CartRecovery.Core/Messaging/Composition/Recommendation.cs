namespace CartRecovery.Core.Messaging.Composition;

/// <summary>A product suggested next to the cart, from the store's catalogue data.</summary>
public sealed record Recommendation(string Title, string Url, decimal? Price, string? ImageUrl);
