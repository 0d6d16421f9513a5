using CartRecovery.Core.Carts;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Messaging.Sms;
using CartRecovery.Core.Telemetry;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Push;
using CartRecovery.Integrations.Sms;
using CartRecovery.Storage.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Messaging;

/// <summary>
/// Carries out one recovery step: consent and contact, suppression, compose, send, record. Idempotent on the step's key:
/// the message row is written (as <see cref="MessageStatus.Sending"/>) before the provider is called, so a step that ran
/// before returns its recorded outcome, and one that crashed mid-send is re-sent with the same key, which the providers
/// that support it deduplicate (Resend, ACS, the outbox; Web Push replaces by topic).
/// </summary>
public sealed class StepExecutor(
    MessageStore store,
    IMessageComposer composer,
    ISuppressionList suppressions,
    IPushSubscriptions pushSubscriptions,
    IEmailSender email,
    ISmsSender sms,
    IPushSender push,
    IOptions<SmsOptions> smsOptions,
    IStoreProfiles stores,
    ILogger<StepExecutor> logger) : IStepExecutor
{
    public async Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var shop = request.Cart.Shop;
        var existing = await store.FindByKeyAsync(shop, request.IdempotencyKey, cancellationToken);
        if (existing?.Outcome is { } recorded)
        {
            return recorded;
        }

        var target = await TargetAsync(request, cancellationToken);
        var record = existing;
        if (record is null)
        {
            var (created, isNew) = await store.CreateAsync(
                Draft(request, target),
                target.SkipReason is null ? MessageStatus.Sending : MessageStatus.Skipped,
                target.SkipReason,
                cancellationToken);
            if (!isNew && created.Outcome is { } raced)
            {
                return raced;
            }

            record = created;
        }
        else if (target.SkipReason is not null)
        {
            // Resumed after a crash, but consent or suppression changed meanwhile: not sending is the safe side.
            record = await store.MarkSkippedAsync(shop, record.MessageId, target.SkipReason, cancellationToken);
        }

        if (record.Outcome is { } skipped)
        {
            logger.LogInformation("Step {StepId} of {WorkflowId} ({Channel}) skipped: {Reason}", request.StepId, request.WorkflowId, request.Channel, skipped.Reason);
            CartRecoveryMetrics.MessageRecorded(request.Channel, skipped.Kind);
            return skipped;
        }

        return await ComposeAndSendAsync(request, record, target, cancellationToken);
    }

    private async Task<StepOutcome> ComposeAndSendAsync(StepRequest request, MessageRecord record, DeliveryTarget target, CancellationToken cancellationToken)
    {
        var shop = request.Cart.Shop;
        var content = record.Content;
        if (content is null)
        {
            content = await composer.ComposeAsync(request, record.MessageId, cancellationToken);
            if (request.Channel == Channel.Sms)
            {
                var profile = await stores.GetAsync(shop, cancellationToken);
                var fit = SmsText.Fit(content.Text, content.ActionUrl, profile.Name, content.Locale, smsOptions.Value.MaxSegments);
                if (fit is null)
                {
                    var failed = await store.MarkFailedAsync(shop, record.MessageId, sms.Provider, $"the SMS does not fit in {smsOptions.Value.MaxSegments} segments", cancellationToken);
                    CartRecoveryMetrics.MessageRecorded(request.Channel, StepOutcomeKind.Failed);
                    return failed.Outcome!;
                }

                content = content with { Text = fit.Text };
            }

            record = await store.SaveContentAsync(shop, record.MessageId, content, cancellationToken);
        }

        if (request.Channel == Channel.Popup)
        {
            var pending = await store.MarkPendingDisplayAsync(shop, record.MessageId, request, cancellationToken);
            CartRecoveryMetrics.PopupPending();
            return pending.Outcome!;
        }

        var context = new DeliveryContext(request.IdempotencyKey, record.CreatedAt);
        try
        {
            var receipt = await SendAsync(request.Channel, content, target, context, cancellationToken);
            var sent = await store.MarkSentAsync(shop, record.MessageId, receipt.Provider, receipt.ProviderMessageId, cancellationToken);
            logger.LogInformation("Message {MessageId} of {WorkflowId} sent by {Provider}", record.MessageId, request.WorkflowId, receipt.Provider);
            CartRecoveryMetrics.MessageRecorded(request.Channel, StepOutcomeKind.Sent);
            return sent.Outcome!;
        }
        catch (PermanentDeliveryException refused)
        {
            if (request.Channel == Channel.Push && refused.StatusCode is 404 or 410 && target.Subscription is { } gone)
            {
                await pushSubscriptions.RemoveAsync(shop, gone.Endpoint, cancellationToken);
            }

            logger.LogWarning("Message {MessageId} of {WorkflowId} refused by {Provider}: {Reason}", record.MessageId, request.WorkflowId, refused.Provider, refused.Reason);
            var failed = await store.MarkFailedAsync(shop, record.MessageId, refused.Provider, refused.Reason, cancellationToken);
            CartRecoveryMetrics.MessageRecorded(request.Channel, StepOutcomeKind.Failed);
            return failed.Outcome!;
        }
        catch (TransientDeliveryException transient)
        {
            await store.RecordAttemptFailureAsync(shop, record.MessageId, transient.Reason, CancellationToken.None);
            logger.LogWarning("Message {MessageId} of {WorkflowId} not sent yet ({Provider}: {Reason}); the step will be retried", record.MessageId, request.WorkflowId, transient.Provider, transient.Reason);
            throw;
        }
    }

    private Task<ProviderReceipt> SendAsync(Channel channel, RenderedMessage content, DeliveryTarget target, DeliveryContext context, CancellationToken cancellationToken) =>
        channel switch
        {
            Channel.Email => email.SendAsync(content, target.Address!, context, cancellationToken),
            Channel.Sms => sms.SendAsync(content.Text, target.Address!, context, cancellationToken),
            Channel.Push => push.SendAsync(content, target.Subscription!, context, cancellationToken),
            _ => throw new NotSupportedException($"The {channel} channel is not sent through a provider."),
        };

    /// <summary>Contact and consent for the channel (email and SMS consent are separate), then the suppression list.</summary>
    private async Task<DeliveryTarget> TargetAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var target = await ContactAsync(request, cancellationToken);
        if (target.SkipReason is not null || target.Address is null)
        {
            return target;
        }

        var suppressed = await suppressions.FindAsync(request.Cart.Shop, request.Channel, target.Address, cancellationToken);
        return suppressed is null ? target : DeliveryTarget.Skip($"suppressed: {suppressed}");
    }

    private async Task<DeliveryTarget> ContactAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var cart = request.Cart;
        var contact = cart.Contact;
        switch (request.Channel)
        {
            case Channel.Popup:
                return cart.CartToken is { Length: > 0 }
                    ? new DeliveryTarget(null, null, null, null)
                    : DeliveryTarget.Skip("no cart token: the storefront cannot find a popup for this cart");
            case Channel.Email:
                if (string.IsNullOrWhiteSpace(contact.Email))
                {
                    return DeliveryTarget.Skip("no email address");
                }

                if (contact.EmailConsent != ConsentState.Subscribed)
                {
                    return DeliveryTarget.Skip($"no email marketing consent ({contact.EmailConsent})");
                }

                var address = contact.Email.Trim().ToLowerInvariant();
                return new DeliveryTarget(address, address, null, null);
            case Channel.Sms:
                if (string.IsNullOrWhiteSpace(contact.Phone))
                {
                    return DeliveryTarget.Skip("no phone number");
                }

                if (contact.SmsConsent != ConsentState.Subscribed)
                {
                    return DeliveryTarget.Skip($"no SMS marketing consent ({contact.SmsConsent})");
                }

                return PhoneNumbers.ToE164(contact.Phone) is { } phone
                    ? new DeliveryTarget(phone, phone, null, null)
                    : DeliveryTarget.Skip("the phone number is not in international (E.164) form");
            case Channel.Push:
                // The browser's permission prompt is the consent; without a subscription there is nobody to push to.
                var subscription = await pushSubscriptions.FindAsync(cart.Shop, cart.CartToken, cart.CustomerKey, cancellationToken);
                return subscription is null
                    ? DeliveryTarget.Skip("no push subscription")
                    : new DeliveryTarget(subscription.Endpoint, HostOf(subscription.Endpoint), subscription, null);
            default:
                return DeliveryTarget.Skip($"unknown channel {request.Channel}");
        }
    }

    private static MessageDraft Draft(StepRequest request, DeliveryTarget target) => new(
        request.Cart.Shop,
        request.WorkflowId,
        request.StepId,
        request.StepIndex,
        request.Channel,
        request.Intent,
        request.IdempotencyKey,
        target.RecordedRecipient,
        request.Cart.CustomerKey,
        request.Cart.CartToken);

    private static string HostOf(string endpoint) => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Host : "(invalid)";
}
