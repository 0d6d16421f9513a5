namespace CartRecovery.Core.Messaging.Delivery;

/// <summary>
/// Sends one SMS (the final text, already fitted to the segment limit with store name and opt-out wording) to an E.164 number.
/// Transient failures throw <see cref="TransientDeliveryException"/> after the retries; refusals <see cref="PermanentDeliveryException"/>.
/// </summary>
public interface ISmsSender
{
    string Provider { get; }

    Task<ProviderReceipt> SendAsync(string text, string toPhone, DeliveryContext context, CancellationToken cancellationToken);
}
