using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Messaging.Composition;

/// <summary>One cart line as a message shows it: price formatted for the reader, image only when it is an http(s) URL.</summary>
public sealed record LineItemView(string Title, string? Variant, int Quantity, string Price, string? ImageUrl)
{
    public static LineItemView From(CartLine line, string currency, MessageLocale locale) => new(
        TextSafety.SingleLine(line.Title),
        string.IsNullOrWhiteSpace(line.VariantTitle) || line.VariantTitle == "Default Title" ? null : TextSafety.SingleLine(line.VariantTitle),
        line.Quantity,
        MoneyFormatter.Format(line.Price * line.Quantity, currency, locale.Culture),
        TextSafety.HttpUrlOrNull(line.ImageUrl));
}
