namespace CartRecovery.Core.Messaging.Log;

/// <summary>Reads the message record store (the merchant's message list and preview).</summary>
public interface IMessageLog
{
    Task<MessagePage> ListAsync(MessageQuery query, CancellationToken cancellationToken);

    Task<MessageRecord?> GetAsync(string shop, string messageId, CancellationToken cancellationToken);
}
