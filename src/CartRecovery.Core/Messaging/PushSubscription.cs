namespace CartRecovery.Core.Messaging;

/// <summary>A browser's Web Push subscription (PushSubscription.toJSON()): the push service endpoint and the keys to encrypt for it (base64url).</summary>
public sealed record PushSubscription(string Endpoint, string P256dh, string Auth);
