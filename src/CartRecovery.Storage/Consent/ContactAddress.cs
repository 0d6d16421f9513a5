using System.Security.Cryptography;
using System.Text;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Storage.Consent;

/// <summary>
/// An email address or phone number in the one form suppressions are stored and compared in: email trimmed and
/// lower-cased, phone as E.164 (<see cref="PhoneNumbers.ToE164"/>).
/// </summary>
public readonly record struct ContactAddress(string Kind, string Value)
{
    public const string EmailKind = "email";
    public const string PhoneKind = "phone";
    public const string PushKind = "push";

    /// <summary>The row key: a hash, so any address is a valid key and an erased row keeps no readable address.</summary>
    public string Key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Kind}:{Value}")));

    /// <summary>Normalises for a channel; with no channel (opt-out of everything) an address with '@' is an email, else a phone.</summary>
    public static ContactAddress? From(Channel? channel, string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        return channel switch
        {
            Channel.Email => Email(address),
            Channel.Sms => Phone(address),
            Channel.Push or Channel.Popup => new ContactAddress(PushKind, address.Trim()),
            _ => address.Contains('@', StringComparison.Ordinal) ? Email(address) : Phone(address),
        };
    }

    public static ContactAddress? Email(string? address) =>
        string.IsNullOrWhiteSpace(address) ? null : new ContactAddress(EmailKind, address.Trim().ToLowerInvariant());

    public static ContactAddress? Phone(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        if (PhoneNumbers.ToE164(number) is { } e164)
        {
            return new ContactAddress(PhoneKind, e164);
        }

        // Not a number E.164 can express (national, too short): kept as its digits, so the same input still finds its row.
        var trimmed = number.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : new ContactAddress(PhoneKind, trimmed.StartsWith('+') ? "+" + digits : digits);
    }

    public override string ToString() => Kind;
}
