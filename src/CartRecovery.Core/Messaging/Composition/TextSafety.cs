using System.Text;

namespace CartRecovery.Core.Messaging.Composition;

/// <summary>
/// Cleans text that comes from outside (product titles, customer names, AI copy) before it reaches a header or a single line:
/// control characters (CR and LF above all, which would inject mail headers) become spaces, runs of spaces collapse, and
/// bidirectional controls are removed: an RLO in a name ("\u202Egnp.exe") would otherwise reorder the text around it in
/// every channel (email HTML and text, SMS, push) and make a link or a price read as something else.
/// HTML escaping is the templates' job; this is about line structure and reading order.
/// </summary>
public static class TextSafety
{
    /// <summary>U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F (marks), U+061C (Arabic letter mark).</summary>
    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>The text without bidirectional controls (for text that keeps its line structure).</summary>
    public static string StripBidi(string value) => value.Any(IsBidiControl) ? string.Concat(value.Where(c => !IsBidiControl(c))) : value;

    public static string SingleLine(string? value, int maxLength = 500)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        foreach (var c in value)
        {
            if (IsBidiControl(c))
            {
                continue;
            }

            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u2028' or '\u2029';
            if (isSpace)
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }

            lastWasSpace = isSpace;
        }

        var cleaned = builder.ToString().TrimEnd();
        return cleaned.Length <= maxLength ? cleaned : cleaned[..maxLength].TrimEnd() + "…";
    }

    public static string? HttpUrlOrNull(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0
            ? uri.AbsoluteUri
            : null;
}
