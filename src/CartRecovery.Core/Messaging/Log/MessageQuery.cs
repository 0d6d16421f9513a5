namespace CartRecovery.Core.Messaging.Log;

/// <summary>A page of a shop's messages, newest first, optionally of one channel and one status.</summary>
public sealed record MessageQuery(string Shop, Channel? Channel, MessageStatus? Status, int PageSize, string? ContinuationToken);
