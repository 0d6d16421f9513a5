using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Tracking;

/// <summary>Adds the campaign parameters GA4 and Shopify's reports read to a store link, replacing any utm_* it had.</summary>
public static class Utm
{
    public const string Source = "cartrecovery";
    public const string Campaign = "cart_recovery";

    public static string Apply(string url, Channel channel, string stepId)
    {
        var fragmentAt = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = fragmentAt >= 0 ? url[fragmentAt..] : string.Empty;
        var withoutFragment = fragmentAt >= 0 ? url[..fragmentAt] : url;
        var queryAt = withoutFragment.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt >= 0 ? withoutFragment[..queryAt] : withoutFragment;
        var kept = queryAt >= 0
            ? withoutFragment[(queryAt + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))
            : [];
        string[] utm =
        [
            "utm_source=" + Source,
            "utm_medium=" + channel.ToString().ToLowerInvariant(),
            "utm_campaign=" + Campaign,
            "utm_content=" + Uri.EscapeDataString(stepId),
        ];
        return $"{path}?{string.Join('&', kept.Concat(utm))}{fragment}";
    }
}
