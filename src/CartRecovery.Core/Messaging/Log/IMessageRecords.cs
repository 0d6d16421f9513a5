namespace CartRecovery.Core.Messaging.Log;

/// <summary>
/// The message record a step writes as it goes (the port the step executor records through): created before the provider is
/// called, so a step that ran before finds its outcome by idempotency key, then moved to a final status. Each change returns
/// the record as stored.
/// </summary>
public interface IMessageRecords
{
    Task<MessageRecord?> FindByKeyAsync(string shop, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Creates the record, or returns the one another attempt created first (<c>Created</c> false).</summary>
    Task<(MessageRecord Record, bool Created)> CreateAsync(MessageDraft draft, MessageStatus status, string? reason, CancellationToken cancellationToken);

    Task<MessageRecord> SaveContentAsync(string shop, string messageId, RenderedMessage content, CancellationToken cancellationToken);

    Task<MessageRecord> MarkSentAsync(string shop, string messageId, string provider, string providerMessageId, CancellationToken cancellationToken);

    Task<MessageRecord> MarkPendingDisplayAsync(string shop, string messageId, StepRequest step, CancellationToken cancellationToken);

    Task<MessageRecord> MarkSkippedAsync(string shop, string messageId, string reason, CancellationToken cancellationToken);

    Task<MessageRecord> MarkFailedAsync(string shop, string messageId, string provider, string reason, CancellationToken cancellationToken);

    /// <summary>A send attempt failed transiently: counted, and the reason kept; the message stays <see cref="MessageStatus.Sending"/>.</summary>
    Task<MessageRecord> RecordAttemptFailureAsync(string shop, string messageId, string reason, CancellationToken cancellationToken);
}
