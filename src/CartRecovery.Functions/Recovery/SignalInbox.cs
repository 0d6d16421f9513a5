using System.Diagnostics.CodeAnalysis;
using CartRecovery.Core.Workflow;
using Microsoft.DurableTask;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// The orchestration's one wait for its "signal" event. A wait that lost a race is kept and receives the next signal (a second
/// wait would split the events between them); a new wait takes an event the engine buffered before anyone waited at once. Waits
/// leave no history, so asking whether a signal is in at any point of the orchestrator is replay-safe.
/// </summary>
internal sealed class SignalInbox(TaskOrchestrationContext context)
{
    private Task<SignalEnvelope>? pending;

    /// <summary>The wait for the next signal.</summary>
    public Task<SignalEnvelope> Next => pending ??= context.WaitForExternalEvent<SignalEnvelope>(RecoveryOrchestration.SignalEvent);

    /// <summary>True when a signal was delivered and not taken yet.</summary>
    public bool HasArrived => Next.IsCompleted;

    /// <summary>Takes the signal that was delivered, if one was.</summary>
    public bool TryTake([NotNullWhen(true)] out RecoverySignal? signal)
    {
        if (!Next.IsCompleted)
        {
            signal = null;
            return false;
        }

        signal = Next.Result.Signal;
        pending = null;
        return true;
    }
}
