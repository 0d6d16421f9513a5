namespace CartRecovery.Testing.Shopify;

/// <summary>What the fake Admin answers: status, JSON body and an optional Retry-After.</summary>
public sealed record FakeAnswer(int Status, string Body, string? RetryAfter = null);
