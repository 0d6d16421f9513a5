namespace CartRecovery.Core.Webhooks;

/// <summary>
/// A body as the replay guard remembers it: the SHA-256 of the exact bytes per topic (two topics may carry identical bodies,
/// orders/create and orders/paid), with the delivery that first brought it.
/// </summary>
public sealed record WebhookFingerprint(string Topic, string BodySha256, string Shop, string WebhookId, DateTimeOffset ReceivedAt)
{
    public static string Hash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body));
}
