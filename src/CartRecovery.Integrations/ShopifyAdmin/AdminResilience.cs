using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Errors;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CartRecovery.Integrations.ShopifyAdmin;

/// <summary>
/// Retries of Admin calls: transient failures only (5xx, 429, network, attempt timeout), exponential with jitter, a
/// Retry-After winning over the computed delay. A THROTTLED answer is not retried here: the client waits for the cost
/// bucket itself, since the answer says exactly how long.
/// </summary>
public static class AdminResilience
{
    public static ResiliencePipeline Build(ShopifyAdminOptions options, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<TransientAdminException>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxThrottleWait,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is TransientAdminException { RetryAfter: { } wait } ? (TimeSpan?)wait : null),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }
}
