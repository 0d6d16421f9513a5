using CartRecovery.Core.Messaging.Contact;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Messaging.Sms;
using CartRecovery.Core.Telemetry;
using CartRecovery.Core.Shops;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Messaging.Steps;

/// <summary>
/// Carries out one recovery step: contact and consent (<see cref="ContactPolicy"/>), suppression, compose, send, record.
/// Idempotent on the step's key: the message row is written (as <see cref="MessageStatus.Sending"/>) before the provider is
/// called, so a step that ran before returns its recorded outcome, and one that crashed mid-send is re-sent with the same
/// key, which the providers that support it deduplicate (Resend, ACS, the outbox; Web Push replaces by topic). A row marked
/// sending always ends final: sent, failed by a refusal, or failed by <see cref="GiveUpAsync"/> when the engine's attempts run out.
/// </summary>
public sealed partial class StepExecutor(
    IMessageRecords records,
    IMessageComposer composer,
    ISuppressionList suppressions,
    IPushSubscriptions pushSubscriptions,
    IEmailSender email,
    ISmsSender sms,
    IPushSender push,
    StepDeliveryOptions options,
    IShopRepository shops,
    ILogger<StepExecutor> logger) : IStepExecutor
{
    public async Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var shop = request.Cart.Shop;
        var existing = await records.FindByKeyAsync(shop, request.IdempotencyKey, cancellationToken);
        if (existing?.Outcome is { } recorded)
        {
            return recorded;
        }

        var target = await TargetAsync(request, cancellationToken);
        var record = existing;
        if (record is null)
        {
            var (created, isNew) = await records.CreateAsync(
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
            record = await records.MarkSkippedAsync(shop, record.MessageId, target.SkipReason, cancellationToken);
        }

        if (record.Outcome is { } skipped)
        {
            LogSkipped(request.StepId, request.WorkflowId, request.Channel, skipped.Reason);
            CartRecoveryMetrics.MessageRecorded(request.Channel, skipped.Kind);
            return skipped;
        }

        return await ComposeAndSendAsync(request, record, target, cancellationToken);
    }

    public async Task<StepOutcome> GiveUpAsync(StepRequest request, string reason, CancellationToken cancellationToken)
    {
        var shop = request.Cart.Shop;
        var record = await records.FindByKeyAsync(shop, request.IdempotencyKey, cancellationToken);
        if (record is null)
        {
            return StepOutcome.Failed(reason);
        }

        if (record.Outcome is { } final)
        {
            return final;
        }

        var failed = await records.MarkFailedAsync(shop, record.MessageId, record.Provider ?? ProviderOf(request.Channel), StepOutcome.Failed(reason).Reason!, cancellationToken);
        LogGaveUp(record.MessageId, request.WorkflowId, failed.Reason);
        CartRecoveryMetrics.MessageRecorded(request.Channel, StepOutcomeKind.Failed);
        return failed.Outcome ?? StepOutcome.Failed(reason);
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
                var profile = (await shops.GetAsync(shop, cancellationToken)).Profile;
                var maxSegments = options.MaxSegments;
                var fit = SmsText.Fit(content.Text, content.ActionUrl, profile.Name, content.Locale, maxSegments);
                if (fit is null)
                {
                    var failed = await records.MarkFailedAsync(shop, record.MessageId, sms.Provider, $"the SMS does not fit in {maxSegments} segments", cancellationToken);
                    CartRecoveryMetrics.MessageRecorded(request.Channel, StepOutcomeKind.Failed);
                    return failed.Outcome!;
                }

                content = content with { Text = fit.Text };
            }

            record = await records.SaveContentAsync(shop, record.MessageId, content, cancellationToken);
        }

        if (request.Channel == Channel.Popup)
        {
            var pending = await records.MarkPendingDisplayAsync(shop, record.MessageId, request, cancellationToken);
            CartRecoveryMetrics.PopupPending();
            return pending.Outcome!;
        }

        var context = new DeliveryContext(request.IdempotencyKey, record.CreatedAt);
        try
        {
            var receipt = await SendAsync(request.Channel, content, target, context, cancellationToken);
            var sent = await records.MarkSentAsync(shop, record.MessageId, receipt.Provider, receipt.ProviderMessageId, cancellationToken);
            LogSent(record.MessageId, request.WorkflowId, receipt.Provider);
            CartRecoveryMetrics.MessageRecorded(request.Channel, StepOutcomeKind.Sent);
            return sent.Outcome!;
        }
        catch (PermanentDeliveryException refused)
        {
            if (request.Channel == Channel.Push && refused.StatusCode is 404 or 410 && target.Subscription is { } gone)
            {
                await pushSubscriptions.RemoveAsync(shop, gone.Endpoint, cancellationToken);
            }

            LogRefused(record.MessageId, request.WorkflowId, refused.Provider, refused.Reason);
            var failed = await records.MarkFailedAsync(shop, record.MessageId, refused.Provider, refused.Reason, cancellationToken);
            CartRecoveryMetrics.MessageRecorded(request.Channel, StepOutcomeKind.Failed);
            return failed.Outcome!;
        }
        catch (TransientDeliveryException transient)
        {
            await records.RecordAttemptFailureAsync(shop, record.MessageId, transient.Reason, CancellationToken.None);
            LogNotSentYet(record.MessageId, request.WorkflowId, transient.Provider, transient.Reason);
            throw;
        }
        catch (Exception invalid) when (invalid is FormatException or ArgumentException)
        {
            // The provider's library cannot take this message (an address or header it cannot parse): another attempt
            // cannot help, so the row ends now instead of staying "sending". The message names the error, not the input.
            var reason = StepOutcome.ReasonFor(invalid.GetType().Name, invalid.Message);
            LogRefused(record.MessageId, request.WorkflowId, ProviderOf(request.Channel), reason);
            var failed = await records.MarkFailedAsync(shop, record.MessageId, ProviderOf(request.Channel), reason, CancellationToken.None);
            CartRecoveryMetrics.MessageRecorded(request.Channel, StepOutcomeKind.Failed);
            return failed.Outcome!;
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

    private string ProviderOf(Channel channel) => channel switch
    {
        Channel.Email => email.Provider,
        Channel.Sms => sms.Provider,
        Channel.Push => push.Provider,
        _ => channel.ToString().ToLowerInvariant(),
    };

    /// <summary>The contact policy for the channel, the push subscription for push, then the suppression list.</summary>
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
        var check = ContactPolicy.Check(cart, request.Channel);
        if (check.SkipReason is { } reason)
        {
            return DeliveryTarget.Skip(reason);
        }

        if (request.Channel == Channel.Popup)
        {
            return cart.CartToken is { Length: > 0 }
                ? new DeliveryTarget(null, null, null, null)
                : DeliveryTarget.Skip("no cart token: the storefront cannot find a popup for this cart");
        }

        if (request.Channel != Channel.Push)
        {
            return new DeliveryTarget(check.Address, check.Address, null, null);
        }

        // The browser's permission prompt is the consent; without a subscription there is nobody to push to.
        var subscription = await pushSubscriptions.FindAsync(cart.Shop, cart.CartToken, cart.CustomerKey, cancellationToken);
        return subscription is null
            ? DeliveryTarget.Skip("no push subscription")
            : new DeliveryTarget(subscription.Endpoint, HostOf(subscription.Endpoint), subscription, null);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Step {StepId} of {WorkflowId} ({Channel}) skipped: {Reason}")]
    private partial void LogSkipped(string stepId, string workflowId, Channel channel, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} of {WorkflowId} sent by {Provider}")]
    private partial void LogSent(string messageId, string workflowId, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of {WorkflowId} refused by {Provider}: {Reason}")]
    private partial void LogRefused(string messageId, string workflowId, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of {WorkflowId} not sent yet ({Provider}: {Reason}); the step will be retried")]
    private partial void LogNotSentYet(string messageId, string workflowId, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of {WorkflowId} failed: the step's attempts ran out ({Reason})")]
    private partial void LogGaveUp(string messageId, string workflowId, string? reason);
}
