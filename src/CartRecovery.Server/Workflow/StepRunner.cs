using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// Runs a step's side effect with Polly: a timeout per attempt inside retries with exponential backoff and jitter. When
/// every attempt threw, the step is failed with the last error, so the workflow records it and goes on per policy.
/// Every attempt carries the same idempotency key, so a retry after a lost answer never sends twice.
/// </summary>
internal sealed class StepRunner
{
    private readonly IStepExecutor executor;
    private readonly ResiliencePipeline pipeline;

    public StepRunner(IStepExecutor executor, RecoveryOptions options, TimeProvider time)
    {
        this.executor = executor;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.StepMaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.StepMaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.StepFirstRetryDelay,
                MaxDelay = options.StepMaxRetryDelay,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException), // an attempt timeout arrives as TimeoutRejectedException and is retried
            });
        }

        builder.AddTimeout(options.StepAttemptTimeout);
        pipeline = builder.Build();
    }

    /// <summary>The outcome; throws only <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> (shutdown, lost lease) fires.</summary>
    public async Task<StepOutcome> RunAsync(StepRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(async token => await executor.ExecuteAsync(request, token), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return StepOutcome.FailedWithError(e.GetType().Name, e.Message);
        }
    }
}
