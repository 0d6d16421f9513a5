using System.Text;

namespace CartRecovery.Core.Messaging.Composition;

/// <summary>
/// Cleans text that comes from outside (product titles, customer names, AI copy) before it reaches a header or a single line:
/// control characters (CR and LF above all, which would inject mail headers) become spaces, runs of spaces collapse.
/// HTML escaping is the templates' job; this is about line structure.
/// </summary>
public static class TextSafety
{
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
