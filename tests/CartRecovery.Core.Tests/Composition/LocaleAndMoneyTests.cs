using System.Globalization;
using CartRecovery.Core.Messaging.Composition;

namespace CartRecovery.Core.Tests.Composition;

public sealed class LocaleAndMoneyTests
{
    private static string Spaces(string value) => value.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [Theory]
    [InlineData("de-DE", "fr", "de", "de-DE")]
    [InlineData("de-CH", "en", "de", "de-CH")]
    [InlineData("fr_CA", "en", "fr", "fr-CA")]
    [InlineData("ja", "en", "ja", "ja-JP")]
    [InlineData("pt-BR", "es", "es", "es-ES")]
    [InlineData(null, "fr-FR", "fr", "fr-FR")]
    [InlineData("pt-BR", "it", "en", "en-US")]
    [InlineData("", null, "en", "en-US")]
    public void The_customer_locale_wins_then_the_store_default_then_english(string? customer, string? store, string language, string culture)
    {
        var locale = MessageLocale.Resolve(customer, store);

        Assert.Equal(language, locale.Language);
        Assert.Equal(culture, locale.Culture.Name);
    }

    [Fact]
    public void Icu_is_available_so_cultures_format_as_their_readers_expect()
    {
        Assert.False(CultureInfo.GetCultureInfo("de-DE").NumberFormat.NumberDecimalSeparator == ".", "InvariantGlobalization must be false and ICU installed");
    }

    [Theory]
    [InlineData(1249.5, "EUR", "de-DE", "1.249,50\u00a0€")]
    [InlineData(1249.5, "EUR", "en-US", "€1,249.50")]
    [InlineData(1249.5, "USD", "en-US", "$1,249.50")]
    [InlineData(3600, "JPY", "ja-JP", "￥3,600")]
    [InlineData(3600, "JPY", "en-US", "￥3,600")]
    [InlineData(19.99, "CAD", "de-DE", "19,99\u00a0CAD")]
    [InlineData(19.99, "EUR", "fr-FR", "19,99\u00a0€")]
    [InlineData(19.99, "XYZ", "en-US", "XYZ19.99")]
    public void Amounts_use_the_readers_pattern_and_the_currencys_symbol_and_decimals(double amount, string currency, string culture, string expected)
    {
        var formatted = MoneyFormatter.Format((decimal)amount, currency, CultureInfo.GetCultureInfo(culture));

        // ICU versions differ in which space they put between number and symbol; the reader sees a space either way.
        Assert.Equal(Spaces(expected), Spaces(formatted));
    }
}
