namespace CartRecovery.Core.Targeting.Rules;

/// <summary>
/// Skip an email or SMS step when the shop's Klaviyo account sent the shopper a cart or checkout recovery message within
/// <see cref="WindowHours"/>. Runs only for a shop with a Klaviyo private key. An event counts when its metric is one of
/// <see cref="MetricNames"/> and (when <see cref="FlowKeywords"/> is not empty) one of its text properties names a recovery
/// flow, e.g. "Abandoned Cart: Email 1".
/// </summary>
public sealed record KlaviyoCoordinationRules
{
    public double WindowHours { get; init; } = 24;

    public IReadOnlyList<string> MetricNames { get; init; } = ["Received Email", "Received SMS", "Received Push"];

    public IReadOnlyList<string> FlowKeywords { get; init; } = ["Abandoned Cart", "Abandoned Checkout", "Browse Abandonment"];

    /// <summary>What to do when Klaviyo does not answer in time or refuses: send (the default) or skip.</summary>
    public KlaviyoUnavailablePolicy OnUnavailable { get; init; } = KlaviyoUnavailablePolicy.Send;

    public double TimeoutSeconds { get; init; } = 5;
}
