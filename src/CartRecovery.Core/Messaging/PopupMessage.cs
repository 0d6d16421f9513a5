namespace CartRecovery.Core.Messaging;

/// <summary>
/// A popup recovery message waiting for the storefront: what to show, and when it was last shown or dismissed, so the
/// storefront script can apply its frequency cap.
/// </summary>
public sealed record PopupMessage(
    string MessageId,
    string WorkflowId,
    string StepId,
    RenderedMessage Content,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastShownAt,
    DateTimeOffset? LastDismissedAt);
