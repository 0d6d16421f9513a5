using System.Text;
using System.Text.RegularExpressions;

namespace CartRecovery.Core.Tracking;

/// <summary>
/// Reads the fields of a form post: <c>application/x-www-form-urlencoded</c>, or <c>multipart/form-data</c>, which RFC 8058
/// says one-click unsubscribe requests SHOULD use. The first value of each name wins; file parts are not expected.
/// </summary>
public static partial class FormBody
{
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body, string? contentType = null)
    {
        var boundary = contentType is null ? null : Boundary().Match(contentType) is { Success: true } match ? match.Groups[1].Value.Trim('"') : null;
        var text = Encoding.UTF8.GetString(body);
        return boundary is null ? ParseUrlEncoded(text) : ParseMultipart(text, boundary);
    }

    private static Dictionary<string, string> ParseUrlEncoded(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            result.TryAdd(name.Trim(), value.Trim());
        }

        return result;
    }

    private static Dictionary<string, string> ParseMultipart(string text, string boundary)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split("--" + boundary, StringSplitOptions.None))
        {
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var separator = 4;
            if (split < 0)
            {
                split = part.IndexOf("\n\n", StringComparison.Ordinal);
                separator = 2;
            }

            if (split < 0 || PartName().Match(part[..split]) is not { Success: true } name)
            {
                continue;
            }

            var fieldName = name.Groups[1].Success ? name.Groups[1].Value : name.Groups[2].Value;
            result.TryAdd(fieldName, part[(split + separator)..].Trim());
        }

        return result;
    }

    private static string Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    [GeneratedRegex("multipart/form-data;.*boundary=([^;]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    [GeneratedRegex("Content-Disposition:\\s*form-data;[^\\r\\n]*\\bname=(?:\"([^\"]*)\"|([^;\\s]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartName();
}
