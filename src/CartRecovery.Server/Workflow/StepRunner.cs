using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using Polly;
using Polly.Retry;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// The embedded engine's application of Core's <see cref="StepRetryPolicy"/>: each attempt is a <see cref="StepAttempt"/>
/// (the executor under the attempt timeout), retried by Polly with the policy's attempts and waits. When every attempt threw,
/// the executor gives up (a message row left sending ends failed) and the step is failed with the last error, so the
/// workflow records it and goes on per policy. Every attempt carries the same idempotency key, so a retry after a lost
/// answer never sends twice.
/// </summary>
internal sealed class StepRunner
{
    private static readonly ResiliencePropertyKey<string> StepKey = new("step-key");
    private readonly IStepExecutor executor;
    private readonly StepRetryPolicy policy;
    private readonly TimeProvider time;
    private readonly ResiliencePipeline pipeline;

    public StepRunner(IStepExecutor executor, StepRetryPolicy policy, TimeProvider time)
    {
        this.executor = executor;
        this.policy = policy;
        this.time = time;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (policy.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = policy.MaxAttempts - 1,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException), // a timed-out attempt arrives as TimeoutException and is retried
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    policy.DelayAfter(args.AttemptNumber + 1, args.Context.Properties.GetValue(StepKey, string.Empty))),
            });
        }

        pipeline = builder.Build();
    }

    /// <summary>The outcome; throws only <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> (shutdown, lost lease) fires.</summary>
    public async Task<StepOutcome> RunAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StepKey, request.IdempotencyKey);
        try
        {
            return await pipeline.ExecuteAsync(
                async (ctx, state) => await StepAttempt.RunAsync(state.executor, state.request, state.policy, state.time, ctx.CancellationToken),
                context,
                (executor, request, policy, time));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = StepOutcome.ReasonFor(e.GetType().Name, e.Message);
            try
            {
                return await executor.GiveUpAsync(request, reason, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The record could not be ended now (storage down); the step still fails, and a re-run of it finds the row.
                return StepOutcome.Failed(reason);
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
