using System.Security.Cryptography;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Security;

namespace CartRecovery.Integrations.Email;

/// <summary>
/// DKIM-signs outgoing SMTP mail with the configured key (rsa-sha256, relaxed/relaxed). RFC 8058 requires the one-click
/// unsubscribe headers to be covered by the signature, so <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> are
/// always in <c>h=</c> when the message carries them; without that, mailbox providers ignore the one-click header.
/// </summary>
public sealed class DkimMessageSigner
{
    /// <summary>Headers signed when present; From is always present and must be signed (RFC 6376 §5.4).</summary>
    private static readonly string[] SignedHeaders =
        ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "List-Unsubscribe", "List-Unsubscribe-Post"];

    private readonly DkimSigner signer;

    private DkimMessageSigner(DkimSigner signer) => this.signer = signer;

    /// <summary>The signer for the settings, or null when DKIM is not configured; throws when it is configured wrongly.</summary>
    public static DkimMessageSigner? Create(DkimSettings settings)
    {
        if (!settings.IsConfigured)
        {
            return null;
        }

        if (Problem(settings) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        using var rsa = RSA.Create();
        rsa.ImportFromPem(settings.PrivateKey);
        var key = DotNetUtilities.GetRsaKeyPair(rsa.ExportParameters(includePrivateParameters: true)).Private;
        return new DkimMessageSigner(new DkimSigner(key, settings.Domain!.Trim(), settings.Selector!.Trim(), DkimSignatureAlgorithm.RsaSha256)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        });
    }

    /// <summary>What is wrong with the settings (all three or none; an RSA key of at least 1024 bits, RFC 8301), or null.</summary>
    public static string? Problem(DkimSettings settings)
    {
        if (!settings.IsConfigured)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(settings.Domain) || string.IsNullOrWhiteSpace(settings.Selector) || string.IsNullOrWhiteSpace(settings.PrivateKey))
        {
            return "Email:Dkim needs Domain, Selector and PrivateKey together (or none of them).";
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(settings.PrivateKey);
            _ = rsa.ExportParameters(includePrivateParameters: true);
            return rsa.KeySize < 1024 ? "Email:Dkim:PrivateKey must be an RSA key of at least 1024 bits (2048 recommended)." : null;
        }
        catch (Exception failure) when (failure is ArgumentException or CryptographicException)
        {
            return "Email:Dkim:PrivateKey is not an RSA private key in PEM (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY).";
        }
    }

    /// <summary>Signs a message that is already prepared for 7-bit transport, so no relay re-encodes the signed body.</summary>
    public void Sign(MimeMessage message)
    {
        var headers = SignedHeaders.Where(name => message.Headers.Contains(name)).ToArray();
        signer.Sign(message, headers);
    }
}
