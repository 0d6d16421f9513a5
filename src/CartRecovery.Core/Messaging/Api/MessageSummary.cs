using CartRecovery.Core.Messaging.Log;

namespace CartRecovery.Core.Messaging.Api;

/// <summary>A message as the merchant's list shows it: no HTML, the subject or title to recognise it by.</summary>
public sealed record MessageSummary(
    string Id,
    string WorkflowId,
    string StepId,
    int StepIndex,
    string Channel,
    string Intent,
    string Status,
    string? Recipient,
    string? Subject,
    string? Title,
    string? Provider,
    string? ProviderMessageId,
    string? Reason,
    int Attempts,
    string? CopySource,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<MessageEventEntry> Events,
    bool Erased)
{
    public static MessageSummary From(MessageRecord record) => new(
        record.MessageId,
        record.WorkflowId,
        record.StepId,
        record.StepIndex,
        Name(record.Channel),
        record.Intent.ToString(),
        Name(record.Status),
        record.Recipient,
        record.Content?.Subject,
        record.Content?.Title,
        record.Provider,
        record.ProviderMessageId,
        record.Reason,
        record.Attempts,
        record.Content?.CopySource,
        record.CreatedAt,
        record.UpdatedAt,
        record.Events,
        record.Erased);

    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }
}
