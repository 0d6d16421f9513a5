using System.Globalization;

namespace CartRecovery.Core.Messaging.Composition;

/// <summary>
/// The language a message is written in (one of <see cref="Supported"/>) and the culture its prices and numbers are
/// formatted in. Chosen from the customer's locale (<c>customer_locale</c>, e.g. "de-CH"), then the store's default, then English.
/// The formatting culture keeps the customer's region when their language is supported ("de-CH" formats as Swiss German).
/// </summary>
public sealed record MessageLocale(string Language, CultureInfo Culture)
{
    public static readonly IReadOnlyList<string> Supported = ["en", "de", "fr", "es", "ja"];

    public static MessageLocale Resolve(string? customerLocale, string? storeDefault) =>
        TryFrom(customerLocale) ?? TryFrom(storeDefault) ?? From("en");

    public static MessageLocale From(string language) =>
        TryFrom(language) ?? throw new ArgumentException($"Unsupported language '{language}'.", nameof(language));

    private static MessageLocale? TryFrom(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var tag = locale.Trim().Replace('_', '-');
        var language = tag.Split('-')[0].ToLowerInvariant();
        if (!Supported.Contains(language))
        {
            return null;
        }

        return new MessageLocale(language, CultureFor(tag, language));
    }

    private static CultureInfo CultureFor(string tag, string language)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag);
            if (culture.TwoLetterISOLanguageName == language && !culture.IsNeutralCulture)
            {
                return culture;
            }
        }
        catch (CultureNotFoundException)
        {
        }

        return CultureInfo.GetCultureInfo(language switch
        {
            "de" => "de-DE",
            "fr" => "fr-FR",
            "es" => "es-ES",
            "ja" => "ja-JP",
            _ => "en-US",
        });
    }
}
