namespace CartRecovery.Core.Messaging.Log;

/// <summary>
/// Everything recorded about one message of one step. <see cref="Recipient"/> (email, phone, or push endpoint host) and
/// <see cref="Content"/> are personal data: both are removed when the customer is erased (<see cref="Erased"/>).
/// </summary>
public sealed record MessageRecord(
    string Shop,
    string MessageId,
    string WorkflowId,
    string StepId,
    int StepIndex,
    Channel Channel,
    MessageIntent Intent,
    string IdempotencyKey,
    MessageStatus Status,
    string? Recipient,
    string? CustomerKey,
    string? CartToken,
    RenderedMessage? Content,
    string? Provider,
    string? ProviderMessageId,
    string? Reason,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<MessageEventEntry> Events,
    bool Erased)
{
    /// <summary>The step's outcome as the workflow sees it, or null while the message is still being sent.</summary>
    public StepOutcome? Outcome => Status switch
    {
        MessageStatus.Sent or MessageStatus.PendingDisplay or MessageStatus.Displayed => StepOutcome.Sent(MessageId),
        MessageStatus.Skipped => StepOutcome.Skipped(Reason ?? "skipped"),
        MessageStatus.Failed => StepOutcome.Failed(Reason ?? "failed"),
        _ => null,
    };
}
