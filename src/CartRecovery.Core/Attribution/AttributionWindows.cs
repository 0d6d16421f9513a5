using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Attribution;

/// <summary>
/// How long after an interaction an order still counts as recovered by it (Klaviyo's defaults: 5 days for email opens and
/// clicks). An interaction not listed (an email delivery, an SMS open) never attributes on its own.
/// </summary>
public sealed record AttributionWindows(
    TimeSpan EmailOpen,
    TimeSpan EmailClick,
    TimeSpan SmsClick,
    TimeSpan SmsDelivery,
    TimeSpan PushOpen,
    TimeSpan PopupClick)
{
    public static AttributionWindows Default { get; } = new(
        TimeSpan.FromDays(5), TimeSpan.FromDays(5), TimeSpan.FromDays(5), TimeSpan.FromHours(12), TimeSpan.FromHours(24), TimeSpan.FromHours(24));

    /// <summary>The window of one kind of interaction on one channel, or null when that interaction does not attribute.</summary>
    public TimeSpan? For(Channel channel, TouchKind kind) => (channel, kind) switch
    {
        (Channel.Email, TouchKind.Opened) => EmailOpen,
        (Channel.Email, TouchKind.Clicked) => EmailClick,
        (Channel.Sms, TouchKind.Clicked) => SmsClick,
        (Channel.Sms, TouchKind.Delivered) => SmsDelivery,
        (Channel.Push, TouchKind.Opened or TouchKind.Clicked) => PushOpen,
        (Channel.Popup, TouchKind.Clicked) => PopupClick,
        _ => null,
    };

    /// <summary>The longest window: how far back a shopper's interactions are read.</summary>
    public TimeSpan Longest => new[] { EmailOpen, EmailClick, SmsClick, SmsDelivery, PushOpen, PopupClick }.Max();
}
