using CartRecovery.Core.Analytics;
using CartRecovery.Core.Tracking;

namespace CartRecovery.Integrations.Ga4;

/// <summary>
/// A recovery event as GA4 events: <c>recovery_message_sent</c>, <c>recovery_message_opened</c>,
/// <c>recovery_message_clicked</c> with the same campaign values as the links' UTM parameters (source, medium = channel,
/// campaign, content = step), and a <c>purchase</c> for each recovered order (transaction id, value, currency).
/// </summary>
public static class Ga4RecoveryEvents
{
    public static Ga4Event? From(RecoveryEventNotice notice)
    {
        var name = notice.Kind switch
        {
            RecoveryEventKind.MessageSent => "recovery_message_sent",
            RecoveryEventKind.MessageOpened => "recovery_message_opened",
            RecoveryEventKind.MessageClicked => "recovery_message_clicked",
            RecoveryEventKind.Recovered => "purchase",
            _ => null,
        };
        if (name is null)
        {
            return null;
        }

        var parameters = new Dictionary<string, object>
        {
            ["source"] = Utm.Source,
            ["campaign"] = Utm.Campaign,
        };
        if (notice.Channel is { } channel)
        {
            parameters["medium"] = channel.ToString().ToLowerInvariant();
        }

        if (notice.StepId is { } step)
        {
            parameters["content"] = step;
        }

        if (notice.Variant is { } variant)
        {
            parameters["variant"] = variant;
        }

        if (notice.Order is { } order)
        {
            parameters["transaction_id"] = order.OrderId;
            parameters["value"] = order.Revenue;
            parameters["currency"] = order.Currency;
        }

        return new Ga4Event(name, parameters);
    }
}
