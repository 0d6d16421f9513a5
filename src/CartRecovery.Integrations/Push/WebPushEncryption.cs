using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Integrations.Push;

/// <summary>
/// Message encryption for Web Push (RFC 8291) in the aes128gcm content coding (RFC 8188), with the framework's own ECDH,
/// HKDF and AES-GCM: one record, the application server's ephemeral public key as the key id.
/// </summary>
public static class WebPushEncryption
{
    public const int RecordSize = 4096;
    private const int TagSize = 16;
    private const int HeaderSize = 16 + 4 + 1 + 65;

    /// <summary>Encrypts with a fresh ephemeral key and salt.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> userAgentPublicKey, ReadOnlySpan<byte> authSecret)
    {
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return Encrypt(plaintext, userAgentPublicKey, authSecret, ephemeral, RandomNumberGenerator.GetBytes(16));
    }

    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> userAgentPublicKey, ReadOnlySpan<byte> authSecret, ECDiffieHellman serverKey, byte[] salt)
    {
        if (salt.Length != 16)
        {
            throw new ArgumentException("The salt is 16 bytes.", nameof(salt));
        }

        if (plaintext.Length + 1 + TagSize > RecordSize)
        {
            throw new ArgumentException($"The payload is {plaintext.Length} bytes; one record holds at most {RecordSize - 1 - TagSize}.", nameof(plaintext));
        }

        var serverPublicKey = P256.PublicKeyOf(serverKey.ExportParameters(false));
        var (contentKey, nonce) = DeriveKeys(serverKey, userAgentPublicKey, serverPublicKey, authSecret, salt);

        var padded = new byte[plaintext.Length + 1];
        plaintext.CopyTo(padded);
        padded[^1] = 0x02; // delimiter of the last (and only) record, no padding after it

        var output = new byte[HeaderSize + padded.Length + TagSize];
        salt.CopyTo(output, 0);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(16, 4), RecordSize);
        output[20] = (byte)serverPublicKey.Length;
        serverPublicKey.CopyTo(output, 21);
        using var aes = new AesGcm(contentKey, TagSize);
        aes.Encrypt(nonce, padded, output.AsSpan(HeaderSize, padded.Length), output.AsSpan(HeaderSize + padded.Length, TagSize));
        return output;
    }

    private static (byte[] ContentKey, byte[] Nonce) DeriveKeys(
        ECDiffieHellman serverKey,
        ReadOnlySpan<byte> userAgentPublicKey,
        byte[] serverPublicKey,
        ReadOnlySpan<byte> authSecret,
        byte[] salt)
    {
        using var userAgent = ECDiffieHellman.Create(P256.Parameters(userAgentPublicKey));
        var sharedSecret = serverKey.DeriveRawSecretAgreement(userAgent.PublicKey);
        byte[] keyInfo = [.. Encoding.ASCII.GetBytes("WebPush: info\0"), .. userAgentPublicKey, .. serverPublicKey];
        var inputKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, 32, authSecret.ToArray(), keyInfo);
        var contentKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKey, 16, salt, Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0"));
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, inputKey, 12, salt, Encoding.ASCII.GetBytes("Content-Encoding: nonce\0"));
        return (contentKey, nonce);
    }
}
