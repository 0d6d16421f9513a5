using System.Text.Json;
using CartRecovery.Core.Http;
using CartRecovery.Core.Messaging;
using CartRecovery.Storage.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Email;

/// <summary>
/// <c>POST /api/providers/resend/events</c>: Resend's delivery webhooks. A verified <c>email.bounced</c> (hard bounce) or
/// <c>email.complained</c> suppresses the address for email and is recorded on the message; <c>email.delivered</c> is
/// recorded. Events for messages we do not know, or of other types, are acknowledged and ignored so Svix stops retrying.
/// </summary>
public sealed partial class ResendWebhookHandler(
    IOptions<EmailOptions> emailOptions,
    TableMessages messages,
    ISuppressionList suppressions,
    TimeProvider timeProvider,
    ILogger<ResendWebhookHandler> logger)
{
    /// <summary>Resend's webhook bodies are small JSON documents; both hosts refuse larger ones with 413.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public async Task<HostResponse> HandleAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (emailOptions.Value.Resend.WebhookSecret is not { Length: > 0 } secret)
        {
            return HostResponse.Problem(404, "Not configured", "Resend webhooks are not configured on this deployment (Email:Resend:WebhookSecret).");
        }

        var now = timeProvider.GetUtcNow();
        var verification = SvixSignature.Verify(secret, request.Header("svix-id"), request.Header("svix-timestamp"), request.Header("svix-signature"), request.Body.Span, now);
        switch (verification)
        {
            case SvixVerification.MissingHeaders:
                return HostResponse.Problem(400, "Missing signature headers", "svix-id, svix-timestamp and svix-signature are required.");
            case SvixVerification.StaleTimestamp:
                return HostResponse.Problem(401, "Stale webhook", "svix-timestamp is more than five minutes from now.");
            case SvixVerification.BadSignature:
                return HostResponse.Problem(401, "Invalid signature", "svix-signature does not match the body.");
        }

        ResendEvent? parsed;
        try
        {
            parsed = ResendEvent.Parse(request.Body.Span);
        }
        catch (JsonException)
        {
            return HostResponse.Problem(400, "Malformed event", "The body is not a Resend event (JSON with type and data.email_id).");
        }

        if (parsed is null)
        {
            return HostResponse.Problem(400, "Malformed event", "The body is not a Resend event (JSON with type and data.email_id).");
        }

        await ApplyAsync(parsed, now, cancellationToken);
        return HostResponse.Ok(new { received = true });
    }

    private async Task ApplyAsync(ResendEvent received, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = received.Type switch
        {
            "email.delivered" => MessageEventKind.Delivered,
            "email.bounced" => MessageEventKind.Bounced,
            "email.complained" => MessageEventKind.Complained,
            _ => (MessageEventKind?)null,
        };
        if (kind is null)
        {
            return;
        }

        var found = await messages.FindByProviderIdAsync("resend", received.EmailId, cancellationToken);
        if (found is not { } message)
        {
            LogUnknownEmail(logger, received.Type);
            return;
        }

        var at = received.CreatedAt ?? now;
        await messages.RecordAsync(message.Shop, message.MessageId, kind.Value, at, cancellationToken);
        var suppressReason = kind switch
        {
            MessageEventKind.Complained => "complaint",
            MessageEventKind.Bounced when !string.Equals(received.BounceType, "Transient", StringComparison.OrdinalIgnoreCase) => "hard bounce",
            _ => null,
        };
        if (suppressReason is null)
        {
            return;
        }

        var record = await messages.GetAsync(message.Shop, message.MessageId, cancellationToken);
        var address = record?.Recipient ?? received.To;
        if (address is not null)
        {
            await suppressions.AddAsync(message.Shop, Channel.Email, address.Trim().ToLowerInvariant(), suppressReason, at, cancellationToken);
            LogSuppressed(logger, message.MessageId, message.Shop, suppressReason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resend {Type} for an email we did not send; ignored")]
    private static partial void LogUnknownEmail(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} of {Shop}: {Reason}, address suppressed for email")]
    private static partial void LogSuppressed(ILogger logger, string messageId, string shop, string reason);
}
