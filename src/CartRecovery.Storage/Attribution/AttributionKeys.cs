using System.Globalization;
using CartRecovery.Core.Attribution;
using CartRecovery.Storage.Serialization;

namespace CartRecovery.Storage.Attribution;

/// <summary>
/// Row keys of the <c>Attribution</c> table (one partition per shop). Tokens, codes and shoppers appear only as hashes, so
/// no personal data or secret-like value is a key; touches sort by time within their recovery and their shopper.
/// </summary>
internal static class AttributionKeys
{
    public static string Recovery(string recoveryId) => "rec|" + KeyEscaping.Escape(recoveryId);

    public static string Lookup(MatchRoute route, string key) => route switch
    {
        MatchRoute.CheckoutToken => "tok|checkout|" + PersonalDataHash.Of(key),
        MatchRoute.CartToken => "tok|cart|" + PersonalDataHash.Of(key),
        MatchRoute.DiscountCode => "code|" + PersonalDataHash.Of(key.Trim().ToUpperInvariant()),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Only direct routes have a lookup."),
    };

    /// <summary>A shopper's key as stored: hashed once (a key read back from storage is already hashed and stays as it is).</summary>
    public static string? Customer(string? customerKey) =>
        customerKey is null ? null : customerKey.StartsWith("h:", StringComparison.Ordinal) ? customerKey : "h:" + PersonalDataHash.Of(customerKey);

    public static string RecoveryTouches(string recoveryId) => "tr|" + KeyEscaping.Escape(recoveryId) + "|";

    public static string CustomerTouches(string hashedCustomer) => "tc|" + hashedCustomer + "|";

    public static string TouchSuffix(Touch touch) =>
        touch.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + PersonalDataHash.Of(touch.MessageId) + "|" + touch.Kind;

    public static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static string Order(string orderId) => "ord|" + KeyEscaping.Escape(orderId);

    public static string Adjustment(string orderId, string adjustmentId) => "adj|" + KeyEscaping.Escape(orderId) + "|" + KeyEscaping.Escape(adjustmentId);
}
