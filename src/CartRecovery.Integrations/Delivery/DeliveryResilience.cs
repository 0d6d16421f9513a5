using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CartRecovery.Integrations.Delivery;

/// <summary>
/// The retry pipeline every provider sends through: a timeout per attempt inside an exponential, jittered retry of transient
/// failures only. A Retry-After from the provider wins over the computed delay (capped at <see cref="DeliveryRetryOptions.MaxDelay"/>).
/// </summary>
public static class DeliveryResilience
{
    public static ResiliencePipeline Build(DeliveryRetryOptions options, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<TransientDeliveryException>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is TransientDeliveryException { RetryAfter: { } wait }
                        ? (TimeSpan?)(wait < options.MaxDelay ? wait : options.MaxDelay)
                        : null),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }
}
