using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Messaging.Log;

/// <summary>What is known about a step's message before it is composed: who it is for and which step it belongs to.</summary>
public sealed record MessageDraft(
    string Shop,
    string WorkflowId,
    string StepId,
    int StepIndex,
    Channel Channel,
    MessageIntent Intent,
    string IdempotencyKey,
    string? Recipient,
    string? CustomerKey,
    string? CartToken);
