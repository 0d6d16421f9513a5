namespace CartRecovery.Core.Shopify;

/// <summary>The app's Shopify credentials (section <c>Shopify</c>): the client id and one or more client secrets, so a rotation needs no downtime.</summary>
public sealed class ShopifyOptions
{
    public const string Section = "Shopify";

    /// <summary>The app's client id (API key); session tokens must name it as their audience.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The app's client secrets, newest first (<c>Shopify__ApiSecrets__0</c>, <c>__1</c>, …). Any of them verifies a signature.</summary>
    public List<string> ApiSecrets { get; set; } = [];

    /// <summary>
    /// The longest a session token may still be valid for when it arrives. App Bridge issues tokens that live one minute, so a
    /// token valid for longer was not issued by it (a leaked secret, or a forged long-lived token) and is refused.
    /// </summary>
    public TimeSpan SessionTokenMaxLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Clock difference tolerated between Shopify and this host when checking <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan SessionTokenClockSkew { get; set; } = TimeSpan.FromSeconds(10);
}
