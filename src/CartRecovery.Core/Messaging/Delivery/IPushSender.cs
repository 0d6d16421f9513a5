namespace CartRecovery.Core.Messaging.Delivery;

/// <summary>Sends one push notification (title, text, action URL) to one browser subscription.</summary>
public interface IPushSender
{
    string Provider { get; }

    Task<ProviderReceipt> SendAsync(RenderedMessage message, PushSubscription subscription, DeliveryContext context, CancellationToken cancellationToken);
}
