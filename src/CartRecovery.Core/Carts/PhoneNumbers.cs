namespace CartRecovery.Core.Carts;

/// <summary>Phone numbers as SMS providers and the suppression list compare them: E.164 (<c>+</c>, country code, number).</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// The number in E.164, or null when it cannot be: separators are dropped and a leading <c>00</c> becomes <c>+</c>, but a
    /// national number without a country code is not guessed at.
    /// </summary>
    public static string? ToE164(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var kept = new string(phone.Trim().Where(c => c is not (' ' or '-' or '(' or ')' or '.' or '\u00A0')).ToArray());
        if (kept.StartsWith("00", StringComparison.Ordinal))
        {
            kept = "+" + kept[2..];
        }

        return kept.Length is >= 8 and <= 16 && kept[0] == '+' && kept[1] is >= '1' and <= '9' && kept[1..].All(char.IsAsciiDigit) ? kept : null;
    }
}
