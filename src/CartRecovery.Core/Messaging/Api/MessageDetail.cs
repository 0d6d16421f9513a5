using CartRecovery.Core.Messaging.Log;

namespace CartRecovery.Core.Messaging.Api;

/// <summary>One message with everything the customer received (null once erased).</summary>
public sealed record MessageDetail(MessageSummary Message, MessageContent? Content)
{
    public static MessageDetail From(MessageRecord record) =>
        new(MessageSummary.From(record), record.Content is { } content ? MessageContent.From(content) : null);
}
