namespace CartRecovery.Core.Messaging;

/// <summary>A pending popup: the id it was recorded under (events and links are signed for it) and the step it came from.</summary>
public sealed record PendingPopup(string MessageId, StepRequest Step);
