using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Storage.Messages;

/// <summary>
/// Row keys of the Messages table. One partition per shop holds three kinds of rows: the message (<c>m-{messageId}</c>),
/// its idempotency key (<c>k-{hash}</c>, pointing at the message; written in the same transaction) and the popup index
/// (<c>p-{hash of cart token}</c>). Message ids start with inverted ticks, so a partition scan lists newest first.
/// </summary>
public static class MessageKeys
{
    public const string MessagePrefix = "m-";
    public const string KeyPrefix = "k-";
    public const string PopupPrefix = "p-";

    public static string NewMessageId(DateTimeOffset now, string idempotencyKey) =>
        (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + Hash(idempotencyKey)[..8];

    public static string MessageRow(string messageId) => MessagePrefix + messageId;

    public static string KeyRow(string idempotencyKey) => KeyPrefix + Hash(idempotencyKey);

    public static string PopupRow(string cartToken) => PopupPrefix + Hash(cartToken)[..40];

    /// <summary>Provider ids may hold characters a row key cannot (a Web Push Location URL), so the index is keyed by a hash.</summary>
    public static string ProviderRow(string providerMessageId) => Hash(providerMessageId)[..48];

    /// <summary>Message ids are digits then hex; anything else is refused before it reaches a key.</summary>
    public static bool IsValidMessageId(string? messageId) =>
        messageId is { Length: 27 } && messageId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
