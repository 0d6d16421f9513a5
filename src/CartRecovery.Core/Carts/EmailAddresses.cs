using System.Net.Mail;

namespace CartRecovery.Core.Carts;

/// <summary>Email addresses as providers and the suppression list compare them: trimmed, lower case, one bare address.</summary>
public static class EmailAddresses
{
    /// <summary>
    /// The address in the form it is sent to and compared in, or null when it is not one bare address. A line break or any
    /// other control character, a display name, a list or a comment is refused: such input reaches mail headers, and mail
    /// libraries throw on it (<see cref="FormatException"/>) or, worse, let it add a header.
    /// </summary>
    public static string? Normalize(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var address = email.Trim().ToLowerInvariant();
        if (address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')'))
        {
            return null;
        }

        return MailAddress.TryCreate(address, out var parsed)
            && parsed.DisplayName.Length == 0
            && string.Equals(parsed.Address, address, StringComparison.Ordinal)
            && parsed.Host.Contains('.', StringComparison.Ordinal)
                ? address
                : null;
    }
}
