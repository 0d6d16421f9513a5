namespace CartRecovery.Core.Messaging.Log;

/// <summary>One page of messages and the token for the next page (null on the last).</summary>
public sealed record MessagePage(IReadOnlyList<MessageRecord> Items, string? ContinuationToken);
