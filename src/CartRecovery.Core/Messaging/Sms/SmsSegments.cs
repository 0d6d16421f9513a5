namespace CartRecovery.Core.Messaging.Sms;

/// <summary>
/// Counts SMS segments (3GPP TS 23.038 and 23.040). One GSM-7 segment holds 160 septets and one UCS-2 segment 70 code units;
/// a concatenated message loses room to its header (153 septets, 67 code units per segment). An extension-table character
/// (such as € or {) takes two septets and is never split across segments, nor is a UTF-16 surrogate pair.
/// </summary>
public static class SmsSegments
{
    public const int Gsm7Single = 160;
    public const int Gsm7Multi = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Multi = 67;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    /// <summary>Septets a GSM-7 character takes: 1 in the basic table, 2 in the extension table (escape + character).</summary>
    public static int SeptetsOf(char c) => Extension.Contains(c) ? 2 : 1;

    public static SmsSegmentCount Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsGsm7(text) ? CountGsm7(text) : CountUcs2(text);
    }

    private static SmsSegmentCount CountGsm7(string text)
    {
        var units = text.Sum(SeptetsOf);
        if (units <= Gsm7Single)
        {
            return new SmsSegmentCount(SmsEncoding.Gsm7, units, units == 0 ? 0 : 1);
        }

        var segments = 1;
        var used = 0;
        foreach (var size in text.Select(SeptetsOf))
        {
            if (used + size > Gsm7Multi)
            {
                segments++;
                used = 0;
            }

            used += size;
        }

        return new SmsSegmentCount(SmsEncoding.Gsm7, units, segments);
    }

    private static SmsSegmentCount CountUcs2(string text)
    {
        if (text.Length <= Ucs2Single)
        {
            return new SmsSegmentCount(SmsEncoding.Ucs2, text.Length, 1);
        }

        var segments = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var size = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (used + size > Ucs2Multi)
            {
                segments++;
                used = 0;
            }

            used += size;
            i += size - 1;
        }

        return new SmsSegmentCount(SmsEncoding.Ucs2, text.Length, segments);
    }
}
