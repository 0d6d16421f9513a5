using Microsoft.Extensions.Options;
using Polly;

namespace CartRecovery.Integrations.Delivery;

/// <summary>Builds a <see cref="ProviderHttp"/> per provider, all sharing one request-timeout pipeline built from <see cref="DeliveryOptions"/>.</summary>
public sealed class ProviderHttpFactory(IOptions<DeliveryOptions> options, TimeProvider timeProvider)
{
    /// <summary>Sent on every provider request (Resend refuses requests without one).</summary>
    public const string UserAgent = "CartRecovery/1.0";

    private readonly Lazy<ResiliencePipeline> pipeline = new(() => DeliveryResilience.Build(options.Value, timeProvider));

    public TimeProvider TimeProvider => timeProvider;

    public ResiliencePipeline Pipeline => pipeline.Value;

    public ProviderHttp Create(HttpClient http, string provider) => new(http, Pipeline, provider, timeProvider);
}
