namespace CartRecovery.Core.Messaging.Log;

/// <summary>One thing that happened to a message, when it happened.</summary>
public sealed record MessageEventEntry(string Kind, DateTimeOffset At);
