using System.Globalization;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Shopify.Payloads;

namespace CartRecovery.Core.Attribution;

/// <summary>Reads what attribution needs from an order webhook.</summary>
public static class ShopifyOrderFacts
{
    public static OrderFacts From(string shop, ShopifyOrder order, string? checkoutToken, DateTimeOffset fallbackTime)
    {
        var shopMoney = order.TotalPriceSet?.ShopMoney;
        var presentment = order.TotalPriceSet?.PresentmentMoney;
        var currency = shopMoney?.CurrencyCode ?? order.Currency ?? "XXX";
        var revenue = shopMoney?.Amount ?? order.TotalPrice ?? 0m;
        return new OrderFacts(
            shop,
            OrderId(order.Id ?? 0),
            order.CreatedAt ?? order.ProcessedAt ?? fallbackTime,
            checkoutToken,
            order.CartToken,
            CustomerKey.From(order.Customer?.Id, order.Email ?? order.Customer?.Email),
            [.. (order.DiscountCodes ?? []).Select(d => d.Code).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim())],
            order.TotalDiscounts ?? (order.DiscountCodes ?? []).Sum(d => d.Amount ?? 0m),
            revenue,
            currency,
            presentment?.Amount ?? revenue,
            presentment?.CurrencyCode ?? order.PresentmentCurrency ?? currency);
    }

    public static string OrderId(long id) => id.ToString(CultureInfo.InvariantCulture);
}
