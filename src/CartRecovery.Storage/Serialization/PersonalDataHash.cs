using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Storage.Serialization;

/// <summary>
/// Hashes of emails and phones, stored as filterable columns so privacy requests and "same shopper" lookups find rows
/// without the plain values ever appearing in keys or filters.
/// </summary>
public static class PersonalDataHash
{
    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : Hash("email:" + email.Trim().ToLowerInvariant());

    /// <summary>Digits only (and a leading +), so "+49 151 1234" and "+491511234" match.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : Hash("phone:" + digits);
    }

    public static string Of(string value) => Hash(value);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}
