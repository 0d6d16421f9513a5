using CartRecovery.Core.Http;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/shopify</c>, host-neutral: verify the signature over the raw body, check the headers and the payload,
/// record the delivery in the durable inbox, acknowledge. Nothing downstream runs before the answer, so Shopify's 5-second
/// budget is spent on one storage write. Every refusal happens before the inbox, so a refused request changes nothing.
/// </summary>
public sealed partial class ShopifyWebhookHandler(WebhookSignature signature, IWebhookInbox inbox, TimeProvider time, ILogger<ShopifyWebhookHandler> logger)
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
        if (string.IsNullOrEmpty(webhookId) || webhookId.Length > 200)
        {
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.WebhookId);
            return HostResponse.Problem(400, "Missing webhook id", "X-Shopify-Webhook-Id is required (at most 200 characters).");
        }

        var topic = WebhookTopics.Parse(topicName);
        if (topic == WebhookTopic.Unknown)
        {
            LogUnknownTopic(logger, shop, SafeTopic(topicName), webhookId);
            CartRecoveryMetrics.WebhookAcknowledged("unknown", "ignored");
            return HostResponse.Ok(new { status = "ignored", reason = "topic not handled" });
        }

        var parsed = WebhookPayloadParser.Parse(topic, request.Body.Span, shop);
        if (parsed.Error is not null)
        {
            LogMalformed(logger, shop, WebhookTopics.Name(topic), webhookId);
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Payload);
            return HostResponse.Problem(400, "Invalid payload", parsed.Error);
        }

        if (!TryReadTriggeredAt(request.Header(WebhookHeaders.TriggeredAt), out var triggeredAt))
        {
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Header);
            return HostResponse.Problem(400, "Invalid header", "X-Shopify-Triggered-At is not a timestamp.");
        }

        var delivery = new WebhookDelivery(
            shop,
            WebhookTopics.Name(topic),
            webhookId,
            NullIfEmpty(request.Header(WebhookHeaders.EventId)?.Trim()),
            triggeredAt,
            NullIfEmpty(request.Header(WebhookHeaders.ApiVersion)?.Trim()),
            time.GetUtcNow(),
            request.Body);
        return await RecordAsync(delivery, cancellationToken);
    }

    private async Task<HostResponse> RecordAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        InboxAcceptance acceptance;
        try
        {
            acceptance = await inbox.AcceptAsync(delivery, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogInboxFailed(logger, e, delivery.Shop, delivery.Topic, delivery.WebhookId);
            CartRecoveryMetrics.WebhookRejected(WebhookRejection.Unavailable);
            return new HostResponse(503, "application/problem+json; charset=utf-8", HostResponse.Problem(503, "Unavailable", "The delivery could not be recorded; retry later.").Body, new Dictionary<string, string> { ["Retry-After"] = "5" });
        }

        CartRecoveryMetrics.WebhookOutcome(delivery.Topic, acceptance);
        return acceptance switch
        {
            InboxAcceptance.Accepted => HostResponse.Ok(new { status = "accepted" }),
            InboxAcceptance.Duplicate => HostResponse.Ok(new { status = "duplicate" }),
            _ => HostResponse.Problem(413, "Payload too large", "The body cannot be stored."),
        };
    }

    private static bool TryReadTriggeredAt(string? value, out DateTimeOffset? triggeredAt)
    {
        triggeredAt = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(value.Trim(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
        {
            triggeredAt = parsed;
            return true;
        }

        return false;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Topic} from {Shop} could not be recorded ({WebhookId})")]
    private static partial void LogInboxFailed(ILogger logger, Exception exception, string shop, string topic, string webhookId);
}
