namespace CartRecovery.Core.Targeting.Klaviyo;

/// <summary>
/// What Klaviyo said about a profile's recent messages: a recovery message (its metric name and when), none, or no answer
/// (<see cref="Unavailable"/> with why: a timeout, a refusal, rate limited past the wait).
/// </summary>
public sealed record KlaviyoLookup(bool Unavailable, string? Metric, DateTimeOffset? At, string? Problem)
{
    public static KlaviyoLookup None { get; } = new(false, null, null, null);

    public static KlaviyoLookup Sent(string metric, DateTimeOffset at) => new(false, metric, at, null);

    public static KlaviyoLookup NoAnswer(string problem) => new(true, null, null, problem);
}
