using System.Security.Cryptography;
using System.Text;
using CartRecovery.Core.Carts;

namespace CartRecovery.Storage.Serialization;

/// <summary>
/// Hashes of emails and phones, stored as filterable columns so privacy requests and "same shopper" lookups find rows
/// without the plain values ever appearing in keys or filters.
/// </summary>
public static class PersonalDataHash
{
    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : Hash("email:" + email.Trim().ToLowerInvariant());

    /// <summary>
    /// The digits of the E.164 form, so "+49 151 12345678", "0049 151 12345678" and "+4915112345678" match; a number E.164
    /// cannot express is hashed by its digits as given. For a number stored in E.164 (Shopify's form) both are the same.
    /// </summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string((PhoneNumbers.ToE164(phone) ?? phone).Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : Hash("phone:" + digits);
    }

    public static string Of(string value) => Hash(value);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}
