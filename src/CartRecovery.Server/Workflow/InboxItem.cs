using CartRecovery.Core.Workflow;

namespace CartRecovery.Server.Workflow;

/// <summary>A signal waiting in a workflow's inbox; its row key is recorded with the state that applied it, so it applies once.</summary>
internal sealed record InboxItem(string RowKey, RecoverySignal Signal);
