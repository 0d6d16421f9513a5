using Polly;

namespace CartRecovery.Integrations.Delivery;

/// <summary>
/// The pipeline every provider sends through: a timeout on the one request, nothing more. Retrying is the step's, once, in
/// Core's <c>StepRetryPolicy</c> as both engines apply it; a retry here would multiply the attempts (4 × 5 provider calls
/// for one message before). A provider's Retry-After is kept on the <see cref="Core.Messaging.Delivery.TransientDeliveryException"/>
/// for the record and is not waited on (docs/workflow.md, "One retry layer").
/// </summary>
public static class DeliveryResilience
{
    public static ResiliencePipeline Build(DeliveryOptions options, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddTimeout(options.RequestTimeout).Build();
}
