using System.Diagnostics.Metrics;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Telemetry;

/// <summary>
/// The counters an operator watches, on the <see cref="MeterName"/> meter: webhooks acknowledged and rejected, recoveries
/// started and ended, messages by channel and status, timer lag. Static so a use case records with one line and no
/// dependency; the hosts export the meter (OpenTelemetry) or not. Every tag value comes from a closed set (enums, known
/// topic names): never a shop, customer, address, cart or message id, so no personal data and a bounded cardinality.
/// </summary>
public static class CartRecoveryMetrics
{
    public const string MeterName = "CartRecovery";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> WebhooksAcknowledged = Meter.CreateCounter<long>(
        "cartrecovery.webhooks.acknowledged", "{webhook}", "Webhooks answered 200 (accepted, duplicate, or ignored topic), by topic and status.");

    private static readonly Counter<long> WebhooksRejected = Meter.CreateCounter<long>(
        "cartrecovery.webhooks.rejected", "{webhook}", "Webhooks refused, by reason (401 signature, 400 header or payload, 413, 503 unavailable).");

    private static readonly Counter<long> WebhooksDeadLettered = Meter.CreateCounter<long>(
        "cartrecovery.webhooks.dead_lettered", "{webhook}", "Deliveries acknowledged but set aside after failing processing, by topic: each had no effect, so alert on any.");

    private static readonly Counter<long> RecoveriesStarted = Meter.CreateCounter<long>(
        "cartrecovery.recoveries.started", "{recovery}", "Recoveries started or restarted, by segment.");

    private static readonly Counter<long> RecoveriesEnded = Meter.CreateCounter<long>(
        "cartrecovery.recoveries.ended", "{recovery}", "Recoveries ended, by reason (completed or the stop reason).");

    private static readonly Counter<long> Messages = Meter.CreateCounter<long>(
        "cartrecovery.messages", "{message}", "Messages recorded, by channel and status (sent, skipped, failed, pending_display).");

    private static readonly Counter<long> EligibilityDecisions = Meter.CreateCounter<long>(
        "cartrecovery.eligibility.decisions", "{decision}", "Eligibility chain runs, by stage (start, step), the deciding filter (or passed) and outcome (pass, skip, defer).");

    private static readonly Histogram<double> TimerLags = Meter.CreateHistogram<double>(
        "cartrecovery.timer.lag", "s", "Delay between a recovery timer's due time and its firing.");

    public static void WebhookAcknowledged(string topic, string status) =>
        WebhooksAcknowledged.Add(1, new("topic", topic), new("status", status));

    /// <summary>The inbox's answer to a valid delivery: accepted or duplicate (acknowledged), or too large to store (rejected).</summary>
    public static void WebhookOutcome(string topic, InboxAcceptance acceptance)
    {
        switch (acceptance)
        {
            case InboxAcceptance.Accepted:
                WebhookAcknowledged(topic, "accepted");
                break;
            case InboxAcceptance.Duplicate:
                WebhookAcknowledged(topic, "duplicate");
                break;
            default:
                WebhookRejected(WebhookRejection.TooLarge);
                break;
        }
    }

    public static void WebhookDeadLettered(string topic) => WebhooksDeadLettered.Add(1, new KeyValuePair<string, object?>("topic", topic));

    public static void WebhookRejected(WebhookRejection reason) => WebhooksRejected.Add(1, new KeyValuePair<string, object?>("reason", Name(reason)));

    /// <summary>Call once per applied decision (not on a Durable replay): counts a start or an end when the status changes.</summary>
    public static void RecoveryTransition(RecoveryState before, RecoveryState after)
    {
        if (after.Status == RecoveryStatus.Active && before.Status != RecoveryStatus.Active)
        {
            RecoveriesStarted.Add(1, new KeyValuePair<string, object?>("segment", Snake(after.Segment.ToString())));
        }

        if (after.IsEnded && !before.IsEnded)
        {
            var reason = after.Status == RecoveryStatus.Completed ? "completed" : Snake((after.StopReason ?? StopReason.Expired).ToString());
            RecoveriesEnded.Add(1, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public static void MessageRecorded(Channel channel, StepOutcomeKind outcome) =>
        Messages.Add(1, new("channel", Snake(channel.ToString())), new("status", Snake(outcome.ToString())));

    /// <summary>A popup waiting for the shopper's next visit has no provider outcome yet.</summary>
    public static void PopupPending() => Messages.Add(1, new("channel", "popup"), new("status", "pending_display"));

    /// <summary>One run of the eligibility chain; the filter names are the product's own (a bounded set).</summary>
    public static void EligibilityDecided(string stage, string filter, string outcome) =>
        EligibilityDecisions.Add(1, new("stage", Snake(stage)), new("filter", filter), new("outcome", Snake(outcome)));

    public static void TimerLag(TimeSpan lag) => TimerLags.Record(Math.Max(0, lag.TotalSeconds));

    private static string Name(WebhookRejection reason) => reason switch
    {
        WebhookRejection.Signature => "signature",
        WebhookRejection.Shop => "shop",
        WebhookRejection.Topic => "topic",
        WebhookRejection.WebhookId => "webhook_id",
        WebhookRejection.Payload => "payload",
        WebhookRejection.Header => "header",
        WebhookRejection.TooLarge => "too_large",
        WebhookRejection.Unavailable => "unavailable",
        WebhookRejection.Stale => "stale",
        _ => "other",
    };

    /// <summary>PascalCase enum names as snake_case tag values (OptedOut → opted_out).</summary>
    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
