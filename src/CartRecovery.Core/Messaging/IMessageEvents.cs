namespace CartRecovery.Core.Messaging;

/// <summary>Records engagement and delivery events against a sent message (tracking endpoints, provider webhooks, the popup).</summary>
public interface IMessageEvents
{
    /// <summary>Records one event; returns false when the message is unknown (nothing is recorded).</summary>
    Task<bool> RecordAsync(string shop, string messageId, MessageEventKind kind, DateTimeOffset at, CancellationToken cancellationToken);
}
