using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.Klaviyo;

/// <summary>
/// Reads a shop's Klaviyo account (adapter: <c>Integrations/Klaviyo/KlaviyoEventsReader</c>): did Klaviyo send this profile
/// (by email, else phone) a cart or checkout recovery message since <paramref name="since"/>? Must answer within the rules'
/// timeout and report an outage as <see cref="KlaviyoLookup.Unavailable"/> rather than throw.
/// </summary>
public interface IKlaviyoEvents
{
    Task<KlaviyoLookup> FindRecoveryMessageAsync(
        string privateKey, string? email, string? phone, DateTimeOffset since, KlaviyoCoordinationRules rules, CancellationToken cancellationToken);
}
