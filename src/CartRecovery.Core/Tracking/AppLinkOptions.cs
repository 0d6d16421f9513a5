namespace CartRecovery.Core.Tracking;

/// <summary>
/// Links in messages (section <c>App</c>): the public base URL every link starts with, and the keys that sign tracking and
/// unsubscribe tokens. <see cref="SigningKey"/> signs new tokens; <see cref="PreviousSigningKeys"/> still verify tokens
/// signed before a rotation, until they expire.
/// </summary>
public sealed class AppLinkOptions
{
    public const string Section = "App";

    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>At least 32 characters. Without one, an ephemeral key is generated at start and links die with the process.</summary>
    public string? SigningKey { get; set; }

    public List<string> PreviousSigningKeys { get; set; } = [];

    /// <summary>An address for the optional <c>mailto:</c> form of List-Unsubscribe (e.g. unsubscribe@shop.example).</summary>
    public string? UnsubscribeMailto { get; set; }

    /// <summary>How long click, open and popup tokens stay valid.</summary>
    public TimeSpan TrackingLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How long unsubscribe tokens stay valid (long: an old email must still let its reader leave).</summary>
    public TimeSpan UnsubscribeLifetime { get; set; } = TimeSpan.FromDays(400);

    /// <summary>Allows redirects to plain-http store domains on any port; for local runs and tests only.</summary>
    public bool AllowInsecureRedirects { get; set; }

    public string BaseUrl => PublicBaseUrl.TrimEnd('/');
}
