using CartRecovery.Core.Messaging;

namespace CartRecovery.Workflow.Bench;

/// <summary>Sends nothing and answers at once, so the benchmark measures the runner and storage, not a provider.</summary>
internal sealed class InstantStepExecutor : IStepExecutor
{
    private long executed;

    public long Executed => Interlocked.Read(ref executed);

    public Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref executed);
        return Task.FromResult(StepOutcome.Sent("bench"));
    }

    public Task<StepOutcome> GiveUpAsync(StepRequest request, string reason, CancellationToken cancellationToken) =>
        Task.FromResult(StepOutcome.Failed(reason));
}
