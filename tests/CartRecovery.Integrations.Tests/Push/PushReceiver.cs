using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Integrations.Tests.Push;

/// <summary>
/// The browser's side of RFC 8291, written here from the RFC and not from the production code: a subscriber key pair and
/// auth secret, and the decryption of one aes128gcm message sent to them.
/// </summary>
internal sealed class PushReceiver : IDisposable
{
    private readonly ECDiffieHellman key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public byte[] AuthSecret { get; } = RandomNumberGenerator.GetBytes(16);

    public byte[] PublicKey
    {
        get
        {
            var q = key.ExportParameters(false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    public byte[] Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        Assert.Equal(4096u, recordSize);
        var keyIdLength = body[20];
        Assert.Equal(65, keyIdLength);
        var senderPublic = body[21..(21 + keyIdLength)];
        var record = body[(21 + keyIdLength)..];

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..] },
        });
        var ecdhSecret = key.DeriveRawSecretAgreement(sender.PublicKey);

        // RFC 8291 §3.3 and §3.4, spelled out as HMAC steps (HKDF-Extract, then one block of HKDF-Expand).
        var prkKey = HMACSHA256.HashData(AuthSecret, ecdhSecret);
        var ikm = HMACSHA256.HashData(prkKey, (byte[])[.. "WebPush: info\0"u8, .. PublicKey, .. senderPublic, 0x01])[..32];
        var prk = HMACSHA256.HashData(salt, ikm);
        var cek = HMACSHA256.HashData(prk, (byte[])[.. "Content-Encoding: aes128gcm\0"u8, 0x01])[..16];
        var nonce = HMACSHA256.HashData(prk, (byte[])[.. "Content-Encoding: nonce\0"u8, 0x01])[..12];

        var plaintext = new byte[record.Length - 16];
        using var aes = new AesGcm(cek, 16);
        aes.Decrypt(nonce, record[..^16], record[^16..], plaintext);
        var end = Array.FindLastIndex(plaintext, b => b != 0);
        Assert.Equal(0x02, plaintext[end]); // last-record delimiter
        return plaintext[..end];
    }

    public string DecryptText(byte[] body) => Encoding.UTF8.GetString(Decrypt(body));

    public void Dispose() => key.Dispose();
}
