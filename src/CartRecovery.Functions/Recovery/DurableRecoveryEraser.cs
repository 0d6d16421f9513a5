using CartRecovery.Core.Workflow;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// Erases a recovery from Durable Functions: the orchestration instance's history, whose inputs, outputs and events hold the
/// cart and the customer's contact details. Only an ended instance can be purged, so a running one is terminated first and
/// waited for. If it has not ended within <see cref="TerminationWait"/> this throws, the privacy delivery stays in the inbox,
/// and its retry (which finds the recovery again through its summary) purges what has ended by then.
/// </summary>
public sealed class DurableRecoveryEraser(DurableClientHolder holder) : IRecoveryEraser
{
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(20);

    public async Task EraseAsync(WorkflowId id, CancellationToken cancellationToken)
    {
        var client = holder.Client;
        var instance = await client.GetInstanceAsync(id.Value, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            return;
        }

        if (DurableRecoveryWorkflows.IsRunning(instance))
        {
            // Named arguments bind to the overloads every 1.x client has (the options overloads came later).
            await client.TerminateInstanceAsync(id.Value, output: "erased", cancellation: cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TerminationWait);
            try
            {
                await client.WaitForInstanceCompletionAsync(id.Value, getInputsAndOutputs: false, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Recovery {id.Value} was terminated for erasure but has not ended yet; its history is purged on the retry.");
            }
        }

        await client.PurgeInstanceAsync(id.Value, cancellationToken);
    }
}
