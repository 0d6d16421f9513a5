using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Workflow;

/// <summary>
/// One attempt of a step, as both engines run it (the embedded runner in its retry loop, the Durable activity once per
/// activity call): the executor under the policy's <see cref="StepRetryPolicy.AttemptTimeout"/>.
/// </summary>
public static class StepAttempt
{
    /// <summary>
    /// The executor's outcome. Throws what the executor threw, <see cref="TimeoutException"/> when the attempt ran out of time,
    /// or <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> (shutdown) fired.
    /// </summary>
    public static async Task<StepOutcome> RunAsync(IStepExecutor executor, StepRequest request, StepRetryPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(policy.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await executor.ExecuteAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the attempt took longer than {policy.AttemptTimeout}");
        }
    }
}
