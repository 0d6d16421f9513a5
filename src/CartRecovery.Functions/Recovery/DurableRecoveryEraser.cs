using Microsoft.DurableTask.Client;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// Erases a recovery from Durable Functions: the orchestration instance's history, whose inputs, outputs and events hold the
/// cart and the customer's contact details. Only an ended instance can be purged, so a running one is terminated first and
/// waited for. If it has not ended within <see cref="TerminationWait"/> this throws, the privacy delivery stays in the inbox,
/// and its retry (which finds the recovery again through its summary) purges what has ended by then.
/// An erasure is done only when a read finds no instance: a purge that races the engine's own last write of the instance
/// (seen on the in-process test engine, where the terminated instance came back after the purge) is repeated, and if the
/// instance is still there after <see cref="MaxPasses"/> passes this throws, so the delivery is retried rather than
/// acknowledged with the history left behind.
/// </summary>
public sealed class DurableRecoveryEraser(DurableClientHolder holder) : IRecoveryEraser
{
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan BetweenPasses = TimeSpan.FromMilliseconds(200);
    private const int MaxPasses = 5;

    public async Task EraseAsync(WorkflowId id, CancellationToken cancellationToken)
    {
        var client = holder.Client;
        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            var instance = await client.GetInstanceAsync(id.Value, getInputsAndOutputs: false, cancellationToken);
            if (instance is null)
            {
                return;
            }

            if (pass > 1)
            {
                await Task.Delay(BetweenPasses, cancellationToken);
            }

            if (DurableRecoveryWorkflows.IsRunning(instance))
            {
                await TerminateAsync(client, id, cancellationToken);
            }

            await client.PurgeInstanceAsync(id.Value, cancellationToken);
        }

        if (await client.GetInstanceAsync(id.Value, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            throw new InvalidOperationException($"Recovery {id.Value} is still in the Durable store after {MaxPasses} purges; the erasure is retried.");
        }
    }

    private static async Task TerminateAsync(DurableTaskClient client, WorkflowId id, CancellationToken cancellationToken)
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
}
