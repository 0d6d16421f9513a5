using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Targeting.Rules;

/// <summary>
/// Smart sending: at most one message per channel per customer within the channel's window, across all their recoveries.
/// Defaults are Klaviyo's (email 16 h, SMS 24 h, push 24 h). A window of 0 turns the channel's cap off.
/// </summary>
public sealed record SmartSendingRules
{
    public double EmailHours { get; init; } = 16;

    public double SmsHours { get; init; } = 24;

    public double PushHours { get; init; } = 24;

    /// <summary>The window for <paramref name="channel"/>; the on-site popup is not a message to the customer's inbox and has none.</summary>
    public TimeSpan WindowFor(Channel channel) => channel switch
    {
        Channel.Email => TimeSpan.FromHours(EmailHours),
        Channel.Sms => TimeSpan.FromHours(SmsHours),
        Channel.Push => TimeSpan.FromHours(PushHours),
        _ => TimeSpan.Zero,
    };
}
