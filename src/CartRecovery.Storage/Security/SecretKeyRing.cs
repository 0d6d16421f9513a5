using System.Security.Cryptography;
using System.Text;
using CartRecovery.Core.Admin.Errors;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Security;

/// <summary>
/// AES-256-GCM for secret columns. A protected value is <c>v1:{keyId}:{base64(nonce | tag | ciphertext)}</c>; the
/// associated data binds it to its place (e.g. the shop and the column), so a value copied to another shop's row does
/// not decrypt. The newest key encrypts, any configured key decrypts.
/// </summary>
public sealed class SecretKeyRing(IOptions<SecurityOptions> options)
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Lazy<IReadOnlyList<(string Id, byte[] Key)>> keys = new(() =>
        [.. options.Value.EncryptionKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => TryParse(k, out var id, out var key) ? (id, key) : throw new OptionsValidationException(SecurityOptions.Section, typeof(SecurityOptions), ["Security:EncryptionKeys holds a malformed key."]))]);

    public bool CanProtect => keys.Value.Count > 0;

    public string Protect(string plaintext, string context)
    {
        if (!CanProtect)
        {
            throw new SecretStorageUnavailableException("Security:EncryptionKeys is empty: secrets cannot be stored until a key is configured.");
        }

        var (id, key) = keys.Value[0];
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + TagSize + data.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        return $"{Version}:{id}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The plaintext; <see cref="CryptographicException"/> when the key is no longer configured or the value was altered or moved.</summary>
    public string Unprotect(string protectedValue, string context)
    {
        var parts = protectedValue.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new CryptographicException("Not a protected value.");
        }

        var key = keys.Value.FirstOrDefault(k => k.Id == parts[1]).Key
            ?? throw new CryptographicException($"The key '{parts[1]}' that protected this value is no longer configured.");
        var sealedBytes = Convert.FromBase64String(parts[2]);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected value is truncated.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(plaintext);
    }

    internal static bool TryParse(string? value, out string id, out byte[] key)
    {
        id = string.Empty;
        key = [];
        var separator = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (separator <= 0)
        {
            return false;
        }

        id = value![..separator];
        if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        try
        {
            key = Convert.FromBase64String(value[(separator + 1)..]);
        }
        catch (FormatException)
        {
            return false;
        }

        return key.Length == 32;
    }
}
