using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Workflow.Settings;

/// <summary>The sequences the requirements name, and the settings a store has until its merchant changes them.</summary>
public static class RecoveryPresets
{
    /// <summary>Popup 1 h, email 2 h (helpful), 24 h (social proof), 48 h (scarcity, high-value or low-stock only), 72 h (final offer with incentive).</summary>
    public static IReadOnlyList<StepDefinition> Standard { get; } =
    [
        new("popup-1h", TimeSpan.FromHours(1), Channel.Popup, MessageIntent.HelpfulReminder),
        new("email-2h", TimeSpan.FromHours(2), Channel.Email, MessageIntent.HelpfulReminder),
        new("email-24h", TimeSpan.FromHours(24), Channel.Email, MessageIntent.SocialProof),
        new("email-48h", TimeSpan.FromHours(48), Channel.Email, MessageIntent.Scarcity, Conditions: new StepConditions(RequiresHighValueOrLowStock: true)),
        new("email-72h", TimeSpan.FromHours(72), Channel.Email, MessageIntent.FinalOffer, Incentive: true),
    ];

    /// <summary>Email 1 h, SMS 24 h, push 72 h.</summary>
    public static IReadOnlyList<StepDefinition> Multichannel { get; } =
    [
        new("email-1h", TimeSpan.FromHours(1), Channel.Email, MessageIntent.HelpfulReminder),
        new("sms-24h", TimeSpan.FromHours(24), Channel.Sms, MessageIntent.SocialProof),
        new("push-72h", TimeSpan.FromHours(72), Channel.Push, MessageIntent.Scarcity),
    ];

    public static RecoverySettings Defaults { get; } = new(
        AbandonmentThreshold: TimeSpan.FromMinutes(60),
        HighValueAmount: 500m,
        Expiry: TimeSpan.FromDays(7),
        RestartOnCartChange: false,
        IncentivesEnabled: false,
        OnStepFailure: StepFailurePolicy.ContinueWithNextStep,
        Sequences: new Dictionary<string, IReadOnlyList<StepDefinition>> { [SequenceKeys.Default] = Standard });

    /// <summary>The settings of a store that saved none: the presets, with the operator's configured abandonment threshold.</summary>
    public static RecoverySettings DefaultsFor(AbandonmentOptions abandonment) => Defaults with { AbandonmentThreshold = abandonment.Threshold };
}
