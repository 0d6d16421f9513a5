using System.Diagnostics.Metrics;

namespace CartRecovery.Core.Webhooks;

/// <summary>The webhook path's instruments (meter <c>CartRecovery.Webhooks</c>), for whatever exporter the host configures.</summary>
public static class WebhookMetrics
{
    public const string MeterName = "CartRecovery.Webhooks";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Deliveries set aside after failing every attempt; each one is a delivery acknowledged but without effect, so alert on any.</summary>
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("cartrecovery.webhooks.dead_lettered", unit: "{delivery}");

    /// <summary>Deliveries acknowledged without effect because their body was already received for the topic.</summary>
    public static readonly Counter<long> Replays = Meter.CreateCounter<long>("cartrecovery.webhooks.replays", unit: "{delivery}");
}
