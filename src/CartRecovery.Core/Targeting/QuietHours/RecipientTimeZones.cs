using CartRecovery.Core.Carts;
using LibPhoneNumber = global::PhoneNumbers;

namespace CartRecovery.Core.Targeting.QuietHours;

/// <summary>
/// Finds the recipient's time zone: from the address (a province where the country spans zones, else the country), else
/// from the phone number (libphonenumber's zone and region data), else the shop's zone, else UTC.
/// </summary>
public static class RecipientTimeZones
{
    private static readonly LibPhoneNumber.PhoneNumberUtil Util = LibPhoneNumber.PhoneNumberUtil.GetInstance();
    private static readonly LibPhoneNumber.PhoneNumberToTimeZonesMapper Zones = LibPhoneNumber.PhoneNumberToTimeZonesMapper.GetInstance();
    private static readonly LibPhoneNumber.PhoneNumberOfflineGeocoder Geocoder = LibPhoneNumber.PhoneNumberOfflineGeocoder.GetInstance();

    public static RecipientZone Resolve(CartSnapshot cart, string? shopTimeZone)
    {
        var location = cart.Location;
        var phone = Parse(cart.Contact.Phone);
        var usState = location is { CountryCode: "US", ProvinceCode: { } province } ? province : null;
        if (usState is null && phone is not null && Util.GetRegionCodeForNumber(phone) == "US")
        {
            usState = StateOf(phone);
        }

        if (location?.CountryCode is { } country && FromAddress(country, location.ProvinceCode) is { } byAddress)
        {
            return new RecipientZone(byAddress, "address", country, usState);
        }

        if (phone is not null && FromPhone(phone) is { } byPhone)
        {
            return new RecipientZone(byPhone, "phone", Util.GetRegionCodeForNumber(phone), usState);
        }

        if (Find(shopTimeZone) is { } shop)
        {
            return new RecipientZone(shop, "shop", location?.CountryCode, usState);
        }

        return new RecipientZone(TimeZoneInfo.Utc, "utc", location?.CountryCode, usState);
    }

    /// <summary>The zone of an IANA id, or null when the id is unknown to this machine's time zone data.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    private static TimeZoneInfo? FromAddress(string country, string? province)
    {
        if (ProvinceZones.For(country, province) is { } byProvince)
        {
            return Find(byProvince);
        }

        if (ProvinceZones.MultiZone.Contains(country))
        {
            return null;
        }

        // A single-zone country: its example number's zone is the country's zone.
        var example = Util.GetExampleNumberForType(country, LibPhoneNumber.PhoneNumberType.FIXED_LINE) ?? Util.GetExampleNumber(country);
        return example is null ? null : Single(Zones.GetTimeZonesForNumber(example));
    }

    private static TimeZoneInfo? FromPhone(LibPhoneNumber.PhoneNumber phone) => Single(Zones.GetTimeZonesForNumber(phone));

    /// <summary>A zone only when the data names exactly one: a number spanning zones says nothing reliable.</summary>
    private static TimeZoneInfo? Single(IList<string> ids) =>
        ids.Count == 1 && ids[0] != Zones.GetUnknownTimeZone() ? Find(ids[0]) : null;

    /// <summary>The US state of a number from libphonenumber's geocoding ("Florida", or "Miami, FL").</summary>
    private static string? StateOf(LibPhoneNumber.PhoneNumber phone)
    {
        var description = Geocoder.GetDescriptionForNumber(phone, LibPhoneNumber.Locale.English);
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        if (ProvinceZones.UsStateNames.TryGetValue(description.Trim(), out var byName))
        {
            return byName;
        }

        var comma = description.LastIndexOf(',');
        var tail = comma >= 0 ? description[(comma + 1)..].Trim() : string.Empty;
        return tail.Length == 2 && tail.All(char.IsAsciiLetterUpper) ? tail : null;
    }

    private static LibPhoneNumber.PhoneNumber? Parse(string? phone)
    {
        if (CartRecovery.Core.Carts.PhoneNumbers.ToE164(phone) is not { } e164)
        {
            return null;
        }

        try
        {
            return Util.Parse(e164, "ZZ");
        }
        catch (LibPhoneNumber.NumberParseException)
        {
            return null;
        }
    }
}
