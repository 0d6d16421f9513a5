using CartRecovery.Core.Workflow;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// Erases a workflow from the embedded runner: its state row and pending signals. A runner in the middle of it finds the row
/// gone at its next conditional save and stops; leftover timer rows wake nothing (there is no state to read).
/// </summary>
internal sealed class EmbeddedRecoveryEraser(TableWorkflows store) : IRecoveryEraser
{
    public Task EraseAsync(WorkflowId id, CancellationToken cancellationToken) => store.DeleteAsync(id.Value, cancellationToken);
}
