using System.Text;

namespace CartRecovery.Storage.Serialization;

/// <summary>
/// Makes any external identifier (a Shopify token, a webhook id) a valid Table Storage key part: the characters the service
/// forbids (/ \ # ?), control characters, '%' and the '|' used to join key parts are percent-encoded; everything else is kept,
/// so keys stay readable and keep their order.
/// </summary>
public static class KeyEscaping
{
    public static string Escape(string value)
    {
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' or '|' or <= '\u001F' or (>= '\u007F' and <= '\u009F');
}
