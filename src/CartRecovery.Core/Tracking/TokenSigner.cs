using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartRecovery.Core.Tracking;

/// <summary>
/// Signs and verifies link tokens: <c>{keyId}.{payload}.{signature}</c>, each part base64url, the signature an HMAC-SHA256
/// over <c>{keyId}.{payload}</c>. The key id (first bytes of the key's SHA-256) picks the key, so tokens signed with a
/// previous key keep working after a rotation; the signature is compared in constant time before the payload is read.
/// A payload that names the shopper (email, phone, customer key: unsubscribe links) is encrypted (AES-GCM with a key derived
/// from the signing key, version byte 1), so the link does not carry them readably; the nonce is derived from the payload,
/// so a token stays deterministic. Plain JSON payloads (click and open links, and unsubscribe links issued before
/// encryption) are still accepted: their signature covers them.
/// </summary>
public sealed class TokenSigner
{
    public const int MaxTokenLength = 4096;

    /// <summary>Shortest signing key accepted (characters).</summary>
    public const int MinKeyLength = 32;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // the JSON is base64url-encoded, never embedded raw
    };

    private readonly SigningKey current;
    private readonly Dictionary<string, SigningKey> byId;

    public TokenSigner(string signingKey, IEnumerable<string>? previousKeys = null)
    {
        current = SigningKey.From(signingKey);
        byId = previousKeys?.Where(k => !string.IsNullOrEmpty(k)).Select(SigningKey.From).Prepend(current)
            .GroupBy(k => k.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
            ?? new Dictionary<string, SigningKey>(StringComparer.Ordinal) { [current.Id] = current };
    }

    public string Sign(TrackingToken token)
    {
        // Only tokens that carry the shopper (unsubscribe links) are encrypted: click and open links stay as short as before.
        var json = JsonSerializer.SerializeToUtf8Bytes(token, Json);
        var carriesShopper = token.Email is not null || token.Phone is not null || token.CustomerKey is not null;
        var payload = Base64Url.EncodeToString(carriesShopper ? current.Encrypt(json) : json);
        var signed = $"{current.Id}.{payload}";
        return $"{signed}.{Base64Url.EncodeToString(current.Mac(signed))}";
    }

    public TokenCheck Verify(string? value, TokenPurpose purpose, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxTokenLength)
        {
            return new TokenCheck(TokenStatus.Malformed, null);
        }

        var parts = value.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1]) || !Base64Url.IsValid(parts[2]))
        {
            return new TokenCheck(TokenStatus.Malformed, null);
        }

        if (!byId.TryGetValue(parts[0], out var key))
        {
            return new TokenCheck(TokenStatus.BadSignature, null);
        }

        var expected = key.Mac($"{parts[0]}.{parts[1]}");
        var given = Base64Url.DecodeFromChars(parts[2]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return new TokenCheck(TokenStatus.BadSignature, null);
        }

        TrackingToken? token;
        try
        {
            token = key.Decrypt(Base64Url.DecodeFromChars(parts[1])) is { } json ? JsonSerializer.Deserialize<TrackingToken>(json, Json) : null;
        }
        catch (JsonException)
        {
            return new TokenCheck(TokenStatus.Malformed, null);
        }

        if (token is null)
        {
            return new TokenCheck(TokenStatus.Malformed, null);
        }

        if (token.Purpose != purpose)
        {
            return new TokenCheck(TokenStatus.WrongPurpose, null);
        }

        return token.ExpiresAt <= now ? new TokenCheck(TokenStatus.Expired, token) : new TokenCheck(TokenStatus.Valid, token);
    }

    /// <summary>A proof bound to <paramref name="value"/> (e.g. the CSRF field of the preference form, bound to its token).</summary>
    public string Proof(string purpose, string value) => Base64Url.EncodeToString(current.Mac($"{purpose}:{value}"));

    /// <summary>Checks a proof from <see cref="Proof"/> in constant time against every configured key.</summary>
    public bool VerifyProof(string purpose, string value, string? proof)
    {
        if (string.IsNullOrEmpty(proof) || !Base64Url.IsValid(proof))
        {
            return false;
        }

        var given = Base64Url.DecodeFromChars(proof);
        var matched = false;
        foreach (var key in byId.Values)
        {
            matched |= CryptographicOperations.FixedTimeEquals(key.Mac($"{purpose}:{value}"), given);
        }

        return matched;
    }

    private sealed record SigningKey(string Id, byte[] Secret, byte[] EncryptionKey)
    {
        private const byte Encrypted = 1;
        private const int NonceSize = 12;
        private const int TagSize = 16;

        public static SigningKey From(string secret)
        {
            if (secret.Length < MinKeyLength)
            {
                throw new ArgumentException($"A signing key must be at least {MinKeyLength} characters long.", nameof(secret));
            }

            var bytes = Encoding.UTF8.GetBytes(secret);
            var encryption = HKDF.DeriveKey(HashAlgorithmName.SHA256, bytes, 32, info: Encoding.ASCII.GetBytes("cartrecovery link payload v1"));
            return new SigningKey(Base64Url.EncodeToString(SHA256.HashData(bytes).AsSpan(0, 3)), bytes, encryption);
        }

        public byte[] Encrypt(byte[] plaintext)
        {
            var output = new byte[1 + NonceSize + plaintext.Length + TagSize];
            output[0] = Encrypted;
            var nonce = output.AsSpan(1, NonceSize);
            HMACSHA256.HashData(EncryptionKey, plaintext).AsSpan(0, NonceSize).CopyTo(nonce);
            using var aes = new AesGcm(EncryptionKey, TagSize);
            aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize, plaintext.Length), output.AsSpan(1 + NonceSize + plaintext.Length));
            return output;
        }

        /// <summary>The JSON of the payload; null when it cannot be decrypted. A legacy payload is JSON already.</summary>
        public byte[]? Decrypt(byte[] payload)
        {
            if (payload.Length > 0 && payload[0] == (byte)'{')
            {
                return payload;
            }

            if (payload.Length < 1 + NonceSize + TagSize || payload[0] != Encrypted)
            {
                return null;
            }

            var length = payload.Length - 1 - NonceSize - TagSize;
            var plaintext = new byte[length];
            try
            {
                using var aes = new AesGcm(EncryptionKey, TagSize);
                aes.Decrypt(payload.AsSpan(1, NonceSize), payload.AsSpan(1 + NonceSize, length), payload.AsSpan(1 + NonceSize + length), plaintext);
                return plaintext;
            }
            catch (AuthenticationTagMismatchException)
            {
                return null;
            }
        }

        public byte[] Mac(string data) => HMACSHA256.HashData(Secret, Encoding.ASCII.GetBytes(data));
    }
}
