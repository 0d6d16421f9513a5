namespace CartRecovery.Core.Messaging.Delivery;

/// <summary>
/// Sends one rendered email (subject, HTML and plain-text parts, headers such as List-Unsubscribe) to one address.
/// Transient failures throw <see cref="TransientDeliveryException"/> once the provider's retries are spent; a refusal
/// throws <see cref="PermanentDeliveryException"/>.
/// </summary>
public interface IEmailSender
{
    string Provider { get; }

    Task<ProviderReceipt> SendAsync(RenderedMessage message, string to, DeliveryContext context, CancellationToken cancellationToken);
}
