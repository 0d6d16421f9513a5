namespace CartRecovery.Core.Messaging;

/// <summary>
/// Carries out one recovery step (the side-effecting activity of the workflow). Implementations must be idempotent on
/// <see cref="StepRequest.IdempotencyKey"/>: a second call for the same key returns the first outcome and sends nothing.
/// Transient failures throw (the engine retries); a permanent failure is returned as <see cref="StepOutcomeKind.Failed"/>.
/// </summary>
public interface IStepExecutor
{
    Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken);
}
