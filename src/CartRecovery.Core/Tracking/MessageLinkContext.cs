using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Tracking;

/// <summary>The message every link of one rendered message belongs to.</summary>
public sealed record MessageLinkContext(
    string Shop,
    string MessageId,
    string WorkflowId,
    string StepId,
    Channel Channel,
    string? CustomerKey,
    string Locale,
    string? Email,
    string? Phone);
