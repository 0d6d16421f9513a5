using System.Buffers.Text;
using System.Security.Cryptography;

namespace CartRecovery.Integrations.Push;

/// <summary>A VAPID key pair in base64url, as <c>Push:WebPush:PublicKey</c> and <c>:PrivateKey</c> hold it.</summary>
public sealed record VapidKeys(string PublicKey, string PrivateKey)
{
    public static VapidKeys Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return new VapidKeys(Base64Url.EncodeToString(P256.PublicKeyOf(parameters)), Base64Url.EncodeToString(parameters.D));
    }
}
