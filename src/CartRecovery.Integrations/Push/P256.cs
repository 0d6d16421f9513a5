using System.Security.Cryptography;

namespace CartRecovery.Integrations.Push;

/// <summary>P-256 keys in the encodings Web Push uses: a public key is the 65-byte uncompressed point, a private key the 32-byte scalar.</summary>
public static class P256
{
    public static byte[] PublicKeyOf(ECParameters parameters) =>
        [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];

    public static ECPoint PointOf(ReadOnlySpan<byte> uncompressed) =>
        uncompressed.Length == 65 && uncompressed[0] == 0x04
            ? new ECPoint { X = uncompressed[1..33].ToArray(), Y = uncompressed[33..].ToArray() }
            : throw new ArgumentException("A P-256 public key is 65 bytes starting with 0x04.", nameof(uncompressed));

    public static ECParameters Parameters(ReadOnlySpan<byte> publicKey, byte[]? privateKey = null) => new()
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = PointOf(publicKey),
        D = privateKey,
    };
}
