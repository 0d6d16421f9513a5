using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Analytics;

/// <summary>
/// What a message costs, per channel, in the shop's currency (section <c>Analytics</c>; per-shop overrides under
/// <c>Analytics:Shops:{shop}:MessageCosts</c>). ROI divides recovered revenue by these costs plus the discounts redeemed.
/// </summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    public Dictionary<Channel, decimal> MessageCosts { get; set; } = new()
    {
        [Channel.Email] = 0.001m,
        [Channel.Sms] = 0.0079m,
        [Channel.Push] = 0m,
        [Channel.Popup] = 0m,
    };

    public Dictionary<string, ShopCosts> Shops { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public decimal CostOf(string shop, Channel channel) =>
        Shops.TryGetValue(shop, out var own) && own.MessageCosts.TryGetValue(channel, out var cost) ? cost : MessageCosts.GetValueOrDefault(channel);

    public sealed class ShopCosts
    {
        public Dictionary<Channel, decimal> MessageCosts { get; set; } = [];
    }
}
