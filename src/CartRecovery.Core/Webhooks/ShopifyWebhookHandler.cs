using CartRecovery.Core.Http;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/shopify</c>, host-neutral: verify the signature over the raw body, check the headers and the payload,
/// record the delivery in the durable inbox, acknowledge. Nothing downstream runs before the answer, so Shopify's 5-second
/// budget is spent on two storage writes (the replay guard and the inbox), within <see cref="WebhookOptions.AcknowledgeTimeout"/>.
/// Every refusal happens before the inbox, so a refused request changes nothing. The HMAC covers only the body, so the
/// unsigned headers are checked against it: the body must be what the topic says and name the header's shop where it names
/// one, a body already received for the topic under another delivery is a replay (200, no effect), and a delivery
/// triggered longer ago than <see cref="WebhookOptions.MaxDeliveryAge"/> is refused (docs/webhooks.md, "Replays").
/// </summary>
public sealed partial class ShopifyWebhookHandler(
    WebhookSignature signature,
    IWebhookInbox inbox,
    IWebhookReplayGuard replays,
    WebhookOptions options,
    TimeProvider time,
    ILogger<ShopifyWebhookHandler> logger)
{
    public async Task<HostResponse> HandleAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (!signature.IsValid(request.Body.Span, request.Header(WebhookHeaders.Hmac)))
        {
            LogRejectedSignature(logger, SafeTopic(request.Header(WebhookHeaders.Topic) ?? string.Empty));
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Signature);
            return HostResponse.Problem(401, "Invalid signature", "X-Shopify-Hmac-Sha256 is missing or does not match the body.");
        }

        var shop = ShopDomain.Normalize(request.Header(WebhookHeaders.ShopDomain)?.Trim());
        if (shop is null)
        {
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Shop);
            return HostResponse.Problem(400, "Invalid shop", "X-Shopify-Shop-Domain must be a *.myshopify.com domain.");
        }

        var topicName = request.Header(WebhookHeaders.Topic)?.Trim();
        if (string.IsNullOrEmpty(topicName))
        {
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Topic);
            return HostResponse.Problem(400, "Missing topic", "X-Shopify-Topic is required.");
        }

        var webhookId = request.Header(WebhookHeaders.WebhookId)?.Trim();
        if (!DeliveryIds.IsValid(webhookId))
        {
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.WebhookId);
            return HostResponse.Problem(400, "Invalid webhook id", $"X-Shopify-Webhook-Id is required: at most {DeliveryIds.MaxLength} letters, digits, '-', '_', '.' or ':'.");
        }

        var eventId = NullIfEmpty(request.Header(WebhookHeaders.EventId)?.Trim());
        if (eventId is not null && !DeliveryIds.IsValid(eventId))
        {
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Header);
            return HostResponse.Problem(400, "Invalid event id", $"X-Shopify-Event-Id must be at most {DeliveryIds.MaxLength} letters, digits, '-', '_', '.' or ':'.");
        }

        if (!TryReadTriggeredAt(request.Header(WebhookHeaders.TriggeredAt), out var triggeredAt))
        {
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Header);
            return HostResponse.Problem(400, "Invalid header", "X-Shopify-Triggered-At is required and must be a timestamp.");
        }

        var now = time.GetUtcNow();
        if (now - triggeredAt > options.MaxDeliveryAge)
        {
            LogStale(logger, shop, SafeTopic(topicName), webhookId!);
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Stale);
            return HostResponse.Problem(400, "Stale delivery", "X-Shopify-Triggered-At is older than Shopify's retry window: this is a replay, not a delivery.");
        }

        var topic = WebhookTopics.Parse(topicName);
        if (topic == WebhookTopic.Unknown)
        {
            LogUnknownTopic(logger, shop, SafeTopic(topicName), webhookId!);
            CartRecoveryMetrics.WebhookAcknowledged("unknown", "ignored");
            return HostResponse.Ok(new { status = "ignored", reason = "topic not handled" });
        }

        var parsed = WebhookPayloadParser.Parse(topic, request.Body.Span, shop);
        if (parsed.Error is not null)
        {
            LogMalformed(logger, shop, WebhookTopics.Name(topic), webhookId!);
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Payload);
            return HostResponse.Problem(400, "Invalid payload", parsed.Error);
        }

        var delivery = new WebhookDelivery(
            shop,
            WebhookTopics.Name(topic),
            webhookId!,
            eventId,
            triggeredAt,
            NullIfEmpty(request.Header(WebhookHeaders.ApiVersion)?.Trim()),
            now,
            request.Body);
        return await AcknowledgeAsync(delivery, cancellationToken);
    }

    /// <summary>
    /// The storage part of the answer, within the time budget: past it the answer is 503 with Retry-After (Shopify retries
    /// the same delivery), never a late 200. A write still under way completes on its own; the retry then finds it.
    /// </summary>
    private async Task<HostResponse> AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.AcknowledgeTimeout); // wall-clock: Shopify's timeout is, whatever the business clock says
        try
        {
            var fingerprint = new WebhookFingerprint(delivery.Topic, WebhookFingerprint.Hash(delivery.Body.Span), delivery.Shop, delivery.WebhookId, delivery.ReceivedAt);
            if (await replays.CheckAsync(fingerprint, budget.Token) == ReplayVerdict.Replay)
            {
                LogReplay(logger, delivery.Shop, delivery.Topic, delivery.WebhookId);
                CartRecoveryMetrics.WebhookAcknowledged(delivery.Topic, "replay");
                return HostResponse.Ok(new { status = "replay" });
            }

            return await RecordAsync(delivery, budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogOverBudget(logger, delivery.Shop, delivery.Topic, delivery.WebhookId);
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Unavailable);
            return Unavailable();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogInboxFailed(logger, e, delivery.Shop, delivery.Topic, delivery.WebhookId);
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Unavailable);
            return Unavailable();
        }
    }

    private async Task<HostResponse> RecordAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var acceptance = await inbox.AcceptAsync(delivery, cancellationToken);
        CartRecoveryMetrics.WebhookOutcome(delivery.Topic, acceptance);
        return acceptance switch
        {
            InboxAcceptance.Accepted => HostResponse.Ok(new { status = "accepted" }),
            InboxAcceptance.Duplicate => HostResponse.Ok(new { status = "duplicate" }),
            _ => HostResponse.Problem(413, "Payload too large", "The body cannot be stored."),
        };
    }

    private static HostResponse Unavailable() =>
        new(503, "application/problem+json; charset=utf-8", HostResponse.Problem(503, "Unavailable", "The delivery could not be recorded; retry later.").Body, new Dictionary<string, string> { ["Retry-After"] = "5" });

    private static bool TryReadTriggeredAt(string? value, out DateTimeOffset triggeredAt)
    {
        // Required: Shopify always sends it, and a delivery without one could not be refused as stale.
        triggeredAt = default;
        return !string.IsNullOrWhiteSpace(value)
            && DateTimeOffset.TryParse(value.Trim(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out triggeredAt);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>An unknown topic is logged, but only in a shape that cannot smuggle arbitrary text into the logs.</summary>
    private static string SafeTopic(string topic) =>
        topic.Length <= 64 && topic.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '.') ? topic : "(unprintable)";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook refused: bad or missing signature (topic {Topic})")]
    private static partial void LogRejectedSignature(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook with unhandled topic {Topic} from {Shop} acknowledged ({WebhookId})")]
    private static partial void LogUnknownTopic(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Topic} from {Shop} refused: invalid payload ({WebhookId})")]
    private static partial void LogMalformed(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Topic} from {Shop} refused: triggered longer ago than the retry window ({WebhookId})")]
    private static partial void LogStale(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Topic} from {Shop} is a replay of a body already received; acknowledged without effect ({WebhookId})")]
    private static partial void LogReplay(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Topic} from {Shop} could not be recorded within the acknowledgement budget ({WebhookId}); answered 503")]
    private static partial void LogOverBudget(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Topic} from {Shop} could not be recorded ({WebhookId})")]
    private static partial void LogInboxFailed(ILogger logger, Exception exception, string shop, string topic, string webhookId);
}
