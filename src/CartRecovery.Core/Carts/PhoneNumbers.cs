using LibPhoneNumber = PhoneNumbers;

namespace CartRecovery.Core.Carts;

/// <summary>
/// Phone numbers as SMS providers, the suppression list and privacy lookups compare them: E.164 (<c>+</c>, country code,
/// number), parsed with Google's libphonenumber. The one place the product reads a phone number, so every caller agrees.
/// </summary>
public static class PhoneNumbers
{
    private const string UnknownRegion = "ZZ";
    private static readonly LibPhoneNumber.PhoneNumberUtil Util = LibPhoneNumber.PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The number in E.164, or null when it cannot be. Separators, a national trunk prefix written after the country code
    /// (<c>+44 (0)20…</c>) and a leading <c>00</c> are handled; a national number is read in <paramref name="defaultRegion"/>
    /// (ISO 3166 alpha-2) and, without one, not guessed at.
    /// </summary>
    public static string? ToE164(string? phone, string? defaultRegion = null) =>
        Parse(phone, defaultRegion) is { } number ? Util.Format(number, LibPhoneNumber.PhoneNumberFormat.E164) : null;

    /// <summary>
    /// The country of the number (ISO 3166 alpha-2, e.g. <c>DE</c>), for rules that depend on where the recipient is, such as
    /// quiet hours. Null when the number is unreadable, non-geographic (+800, +882…) or its calling code is shared and the
    /// number is not in any one country's allocated ranges (e.g. an unassigned +1 area code).
    /// </summary>
    public static string? RegionOf(string? phone, string? defaultRegion = null) =>
        Parse(phone, defaultRegion) is { } number && Util.GetRegionCodeForNumber(number) is { Length: 2 } region && region != UnknownRegion
            ? region
            : null;

    /// <summary>
    /// "Possible" (a length the country's plan allows for numbers dialled from abroad), not "valid" (inside ranges allocated today): the metadata ages with
    /// the library, and refusing a number the provider would deliver is worse than letting the provider refuse it.
    /// </summary>
    private static LibPhoneNumber.PhoneNumber? Parse(string? phone, string? defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length > 64)
        {
            return null;
        }

        var text = phone.Trim();
        var region = string.IsNullOrWhiteSpace(defaultRegion) ? UnknownRegion : defaultRegion.Trim().ToUpperInvariant();
        if (region == UnknownRegion && text.StartsWith("00", StringComparison.Ordinal))
        {
            // 00 is the international prefix in most of the world; without a region to say otherwise, read it as +.
            text = "+" + text[2..];
        }

        try
        {
            var number = Util.Parse(text, region);
            // IsPossibleNumber would also accept IS_POSSIBLE_LOCAL_ONLY: a number dialable only inside its area, which no
            // SMS provider can reach from abroad.
            return Util.IsPossibleNumberWithReason(number) == LibPhoneNumber.PhoneNumberUtil.ValidationResult.IS_POSSIBLE ? number : null;
        }
        catch (LibPhoneNumber.NumberParseException)
        {
            return null;
        }
    }
}
