namespace CartRecovery.Integrations.Email;

/// <summary>
/// Section <c>Email:Dkim</c>: signs SMTP mail with DKIM (RFC 6376, rsa-sha256, relaxed/relaxed). Either all three settings
/// are set or none; the public key is published as TXT at <c>{Selector}._domainkey.{Domain}</c>.
/// </summary>
public sealed class DkimSettings
{
    /// <summary>The signing domain (<c>d=</c>); it should be the From address's domain, or a parent of it, for DMARC to pass.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (<c>s=</c>) naming the DNS record that holds the public key.</summary>
    public string? Selector { get; set; }

    /// <summary>The RSA private key in PEM (<c>BEGIN PRIVATE KEY</c> or <c>BEGIN RSA PRIVATE KEY</c>). A secret: configuration or Key Vault only.</summary>
    public string? PrivateKey { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Domain) || !string.IsNullOrWhiteSpace(Selector) || !string.IsNullOrWhiteSpace(PrivateKey);
}
