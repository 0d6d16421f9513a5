using System.Buffers.Text;
using System.Security.Cryptography;

namespace CartRecovery.Integrations.Push;

/// <summary>A VAPID key pair in base64url, as <c>Push:WebPush:PublicKey</c> and <c>:PrivateKey</c> hold it.</summary>
public sealed record VapidKeys(string PublicKey, string PrivateKey)
{
    /// <summary>A fresh P-256 pair: the public key as the 65-byte uncompressed point, the private key as the 32-byte scalar.</summary>
    public static VapidKeys Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        byte[] publicKey = [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
        return new VapidKeys(Base64Url.EncodeToString(publicKey), Base64Url.EncodeToString(parameters.D));
    }
}
