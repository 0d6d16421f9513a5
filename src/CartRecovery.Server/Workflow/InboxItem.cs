using CartRecovery.Core.Workflow;

namespace CartRecovery.Server.Workflow;

/// <summary>A signal waiting in a workflow's inbox; deleted in the same transaction that saves the state it changed, so it applies once.</summary>
internal sealed record InboxItem(string RowKey, RecoverySignal Signal);
