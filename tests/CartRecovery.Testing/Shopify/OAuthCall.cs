namespace CartRecovery.Testing.Shopify;

/// <summary>A request to the fake's OAuth token endpoint: the shop and the JSON fields it carried.</summary>
public sealed record OAuthCall(string Shop, IReadOnlyDictionary<string, string> Fields);
