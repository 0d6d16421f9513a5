using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.Eligibility;

/// <summary>
/// What a filter decides on. <see cref="Channel"/>, <see cref="StepId"/> and <see cref="IdempotencyKey"/> are null at
/// <see cref="EligibilityStage.Start"/>. <see cref="ShopTimeZone"/> is the shop's IANA zone, the last resort for quiet hours.
/// <see cref="TimeScale"/> is the engine's (<c>Recovery:TimeScale</c>): above 1 a demo or test compresses hours into
/// seconds, so cap windows shrink by the same factor and quiet hours (a wall clock cannot be compressed) do not apply.
/// </summary>
public sealed record EligibilityContext(
    EligibilityStage Stage,
    CartSnapshot Cart,
    ShopContactRules Rules,
    string? ShopTimeZone,
    DateTimeOffset Now,
    Channel? Channel = null,
    string? StepId = null,
    string? IdempotencyKey = null,
    string? KlaviyoPrivateKey = null,
    double TimeScale = 1);
