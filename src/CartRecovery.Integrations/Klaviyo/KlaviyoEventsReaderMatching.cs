using System.Text.Json;
using CartRecovery.Core.Targeting.Klaviyo;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Integrations.Klaviyo;

/// <summary>Reads a JSON:API page of events: which event is a recovery message by the shop's rules, and the next page's link.</summary>
internal static class KlaviyoEventsReaderMatching
{
    public static KlaviyoLookup? FirstMatch(JsonElement page, KlaviyoCoordinationRules rules)
    {
        var metricNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (page.TryGetProperty("included", out var included) && included.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in included.EnumerateArray())
            {
                if (item.TryGetProperty("type", out var type) && type.GetString() == "metric"
                    && item.TryGetProperty("attributes", out var attributes) && attributes.TryGetProperty("name", out var name))
                {
                    metricNames[item.GetProperty("id").GetString()!] = name.GetString() ?? string.Empty;
                }
            }
        }

        if (!page.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in data.EnumerateArray())
        {
            var metricId = item.TryGetProperty("relationships", out var rel) && rel.TryGetProperty("metric", out var metric)
                && metric.TryGetProperty("data", out var metricData) && metricData.ValueKind == JsonValueKind.Object
                ? metricData.GetProperty("id").GetString()
                : null;
            if (metricId is null || !metricNames.TryGetValue(metricId, out var metricName)
                || !rules.MetricNames.Contains(metricName, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var attributes = item.GetProperty("attributes");
            if (rules.FlowKeywords.Count > 0 && !(attributes.TryGetProperty("event_properties", out var properties) && MentionsFlow(properties, rules.FlowKeywords)))
            {
                continue;
            }

            var at = attributes.TryGetProperty("datetime", out var datetime) && datetime.TryGetDateTimeOffset(out var parsed) ? parsed : DateTimeOffset.MinValue;
            return KlaviyoLookup.Sent(metricName, at);
        }

        return null;
    }

    public static string? NextLink(JsonElement page) =>
        page.TryGetProperty("links", out var links) && links.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;

    /// <summary>Any text property (Klaviyo puts the flow and message names in e.g. <c>$flow</c>-related and "Campaign Name" properties) names a recovery flow.</summary>
    private static bool MentionsFlow(JsonElement properties, IReadOnlyList<string> keywords) =>
        properties.ValueKind == JsonValueKind.Object && properties.EnumerateObject().Any(p =>
            p.Value.ValueKind == JsonValueKind.String && keywords.Any(k => p.Value.GetString()!.Contains(k, StringComparison.OrdinalIgnoreCase)));
}
