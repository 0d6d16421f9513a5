namespace CartRecovery.Integrations.Push;

/// <summary>Section <c>Push</c>: the provider, and the VAPID identity for Web Push.</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    public PushProviderKind Provider { get; set; } = PushProviderKind.Outbox;

    public WebPushSettings WebPush { get; set; } = new();
}

public sealed class WebPushSettings
{
    /// <summary>Contact for the push service operator: <c>mailto:</c> or an https URL (the VAPID <c>sub</c> claim).</summary>
    public string Subject { get; set; } = "mailto:ops@cartrecovery.localhost";

    /// <summary>The VAPID public key, base64url of the uncompressed P-256 point (65 bytes); the storefront subscribes with it.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The VAPID private key, base64url of the P-256 scalar (32 bytes).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>How long the push service keeps an undelivered message.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Push services a subscription may point at (the host, or a parent domain). Subscriptions come from browsers, so an
    /// endpoint elsewhere would make the server post to an address of the visitor's choosing.
    /// </summary>
    public string[] AllowedEndpointHosts { get; set; } =
        ["fcm.googleapis.com", "updates.push.services.mozilla.com", "push.services.mozilla.com", "notify.windows.com", "push.apple.com"];

    /// <summary>Accept http:// endpoints (local test push services only).</summary>
    public bool AllowInsecureEndpoints { get; set; }
}
