namespace CartRecovery.Core.Messaging;

/// <summary>
/// Carries out one recovery step (the side-effecting activity of the workflow). Implementations must be idempotent on
/// <see cref="StepRequest.IdempotencyKey"/>: a second call for the same key returns the first outcome and sends nothing.
/// Transient failures throw (the engine retries per <see cref="Workflow.StepRetryPolicy"/>); a permanent failure is returned
/// as <see cref="StepOutcomeKind.Failed"/>.
/// </summary>
public interface IStepExecutor
{
    Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The engine ran out of attempts: whatever the step left unfinished (a message row still sending) ends as failed with
    /// <paramref name="reason"/>, so no record waits for an attempt that will never come. Returns the step's final outcome
    /// (the recorded one, when an attempt finished after all).
    /// </summary>
    Task<StepOutcome> GiveUpAsync(StepRequest request, string reason, CancellationToken cancellationToken);
}
