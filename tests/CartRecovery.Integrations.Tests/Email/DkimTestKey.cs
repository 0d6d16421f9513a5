using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace CartRecovery.Integrations.Tests.Email;

/// <summary>
/// Stands in for DNS: answers the DKIM key query for one selector and domain with the TXT record a merchant would publish
/// (<c>v=DKIM1; k=rsa; p=…</c>), parsed by MimeKit the same way as a record fetched from DNS.
/// </summary>
internal sealed class DkimTestKey(string keyDomain, string keySelector, byte[] subjectPublicKeyInfo) : DkimPublicKeyLocatorBase
{
    public string TxtRecord { get; } = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(subjectPublicKeyInfo);

    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        domain == keyDomain && selector == keySelector && methods.Split(':').Contains("dns/txt")
            ? GetPublicKey(TxtRecord)
            : throw new InvalidOperationException($"no key at {selector}._domainkey.{domain}");

    public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
}
