using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.Eligibility;

/// <summary>
/// What a filter decides on. <see cref="Channel"/>, <see cref="StepId"/> and <see cref="IdempotencyKey"/> are null at
/// <see cref="EligibilityStage.Start"/>. <see cref="ShopTimeZone"/> is the shop's IANA zone, the last resort for quiet hours.
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
    string? KlaviyoPrivateKey = null);
