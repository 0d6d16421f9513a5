using System.Collections.Concurrent;
using System.Globalization;

namespace CartRecovery.Core.Messaging.Composition;

/// <summary>
/// Formats an amount of a currency (ISO 4217) the way a reader of a culture expects: the culture's pattern and separators,
/// the currency's own number of decimals and a symbol a reader of that language knows ("€" in French, "$" for USD,
/// "CA$" style codes when the symbol would be ambiguous). Needs ICU (InvariantGlobalization must stay false).
/// </summary>
public static class MoneyFormatter
{
    private static readonly ConcurrentDictionary<(string Currency, string Culture), NumberFormatInfo> Formats = new();

    private static readonly Lazy<ILookup<string, CultureInfo>> CulturesByCurrency = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => (Culture: c, Currency: TryRegion(c)?.ISOCurrencySymbol))
            .Where(x => x.Currency is not null)
            .ToLookup(x => x.Currency!, x => x.Culture, StringComparer.OrdinalIgnoreCase));

    public static string Format(decimal amount, string currency, CultureInfo culture) =>
        amount.ToString("C", Formats.GetOrAdd((currency.ToUpperInvariant(), culture.Name), key => Build(key.Currency, culture)));

    private static NumberFormatInfo Build(string currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        var region = TryRegion(culture);
        if (region is not null && string.Equals(region.ISOCurrencySymbol, currency, StringComparison.OrdinalIgnoreCase))
        {
            return format; // the reader's own currency: the culture knows it best
        }

        var home = CulturesByCurrency.Value[currency]
            .OrderByDescending(c => c.TwoLetterISOLanguageName == culture.TwoLetterISOLanguageName)
            .ThenByDescending(c => c.TwoLetterISOLanguageName == "en")
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (home is null)
        {
            format.CurrencySymbol = currency;
            return format;
        }

        format.CurrencyDecimalDigits = home.NumberFormat.CurrencyDecimalDigits;
        var symbol = home.NumberFormat.CurrencySymbol;
        // "$" and "kr" name several currencies; outside their home language a reader needs the code.
        format.CurrencySymbol = IsAmbiguous(symbol, currency) && home.TwoLetterISOLanguageName != culture.TwoLetterISOLanguageName
            ? currency
            : symbol;
        return format;
    }

    private static bool IsAmbiguous(string symbol, string currency) =>
        symbol is "$" or "kr" or "kr." or "¥" or "￥" && currency is not "USD" and not "JPY";

    private static RegionInfo? TryRegion(CultureInfo culture)
    {
        try
        {
            return new RegionInfo(culture.Name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
