namespace CartRecovery.Core.Targeting.Rules;

/// <summary>
/// The <c>ShopContactRules</c> part of a shop: who hears from a recovery, how often and when. Every property has the
/// default a new shop gets (documented in the README); a merchant changes them through <c>/api/stores/{shop}/contact-rules</c>.
/// </summary>
public sealed record ShopContactRules
{
    public static ShopContactRules Default { get; } = new();

    /// <summary>The eligibility filters in the order they run; a filter left out does not run.</summary>
    public IReadOnlyList<string> Filters { get; init; } = FilterNames.DefaultOrder;

    /// <summary>Carts worth less (shop currency) are skipped; null (the default) turns the filter off. Seed 004 uses 50.</summary>
    public decimal? MinimumCartValue { get; init; }

    public SmartSendingRules SmartSending { get; init; } = new();

    public RecoveryCapRules RecoveryCap { get; init; } = new();

    /// <summary>What a capped message does: skipped and recorded (the default, as Klaviyo does) or deferred until the cap allows.</summary>
    public CapAction OnCap { get; init; } = CapAction.Skip;

    public QuietHoursRules QuietHours { get; init; } = new();

    public SendTimeRules SendTime { get; init; } = new();

    public KlaviyoCoordinationRules Klaviyo { get; init; } = new();
}
