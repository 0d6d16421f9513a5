namespace CartRecovery.Core.Messaging.Sms;

/// <summary>
/// Shapes the final SMS: the store name first (the recipient must know who writes), the body, the link (never shortened),
/// and the opt-out wording with the STOP keyword carriers act on, all within the configured number of segments.
/// When it is too long only the body is shortened, at a word boundary, with an ellipsis.
/// </summary>
public static class SmsText
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '\n', '。', '！', '？'];

    private static readonly Dictionary<string, string> OptOutByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Reply STOP to opt out",
        ["de"] = "Antworte STOP zum Abmelden",
        ["fr"] = "Répondez STOP pour vous désabonner",
        ["es"] = "Responde STOP para darte de baja",
        ["ja"] = "配信停止はSTOPと返信",
    };

    /// <summary>The opt-out wording for a locale such as <c>de-CH</c>; English when the language is not known.</summary>
    public static string OptOutWording(string? locale)
    {
        var language = (locale ?? "en").Split('-', '_')[0];
        return OptOutByLanguage.TryGetValue(language, out var wording) ? wording : OptOutByLanguage["en"];
    }

    /// <summary>The message within <paramref name="maxSegments"/>, or null when even an empty body would not fit.</summary>
    public static SmsFit? Fit(string body, string? link, string storeName, string? locale, int maxSegments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegments, 1);
        var text = body.Trim();
        if (link is { Length: > 0 } && text.Contains(link, StringComparison.Ordinal))
        {
            text = text.Replace(link, string.Empty, StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).Trim();
        }

        var (withoutOptOut, optOut) = SplitOptOut(text);
        text = withoutOptOut;
        var prefix = text.StartsWith(storeName, StringComparison.OrdinalIgnoreCase) ? string.Empty : storeName + ": ";
        var suffix = (link is { Length: > 0 } ? " " + link : string.Empty) + "\n" + (optOut ?? OptOutWording(locale));
        string Compose(string b) => prefix + b + suffix;
        bool Fits(string b) => SmsSegments.Count(Compose(b)).Segments <= maxSegments;

        if (Fits(text))
        {
            var whole = Compose(text);
            return new SmsFit(whole, SmsSegments.Count(whole), false);
        }

        if (!Fits(string.Empty))
        {
            return null;
        }

        var ellipsis = SmsSegments.IsGsm7(Compose(text)) ? "..." : "…"; // "…" costs nothing extra once the message is UCS-2 anyway
        var (low, high) = (0, text.Length);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Fits(Shorten(text, mid, ellipsis)))
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        var shortened = AtWordBoundary(text, low, ellipsis);
        var final = Compose(shortened);
        return new SmsFit(final, SmsSegments.Count(final), true);
    }

    /// <summary>
    /// Takes the sentence with the STOP keyword off the body (the composer's own opt-out wording), so that it is kept whole
    /// and last, after the link, and never shortened away.
    /// </summary>
    private static (string Body, string? OptOut) SplitOptOut(string text)
    {
        var stop = text.LastIndexOf("STOP", StringComparison.Ordinal);
        if (stop < 0)
        {
            return (text, null);
        }

        var start = text.LastIndexOfAny(SentenceEnds, stop) + 1;
        return start == 0 ? (string.Empty, text) : (text[..start].Trim(), text[start..].Trim());
    }

    private static string Shorten(string text, int length, string ellipsis) =>
        length == 0 ? string.Empty : CutSafely(text, length).TrimEnd() + ellipsis;

    /// <summary>Backs off to the last space when one is near, so a word is not cut in half.</summary>
    private static string AtWordBoundary(string text, int length, string ellipsis)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        var cut = CutSafely(text, length);
        var space = cut.LastIndexOf(' ');
        return (space > 0 && length - space <= 20 ? cut[..space] : cut).TrimEnd() + ellipsis;
    }

    private static string CutSafely(string text, int length) =>
        length < text.Length && char.IsLowSurrogate(text[length]) ? text[..(length - 1)] : text[..length];
}
