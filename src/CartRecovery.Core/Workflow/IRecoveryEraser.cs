namespace CartRecovery.Core.Workflow;

/// <summary>
/// The engine's part of erasing a recovery (<c>customers/redact</c>, <c>shop/redact</c>): its own copy of the workflow (state,
/// pending signals, history), which holds the cart and the customer's contact details just as the summary does.
/// </summary>
public interface IRecoveryEraser
{
    /// <summary>Deletes everything the engine holds of the workflow, stopping it first if it runs. An unknown id is nothing to do.</summary>
    Task EraseAsync(WorkflowId id, CancellationToken cancellationToken);
}
