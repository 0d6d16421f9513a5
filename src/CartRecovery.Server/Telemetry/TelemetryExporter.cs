namespace CartRecovery.Server.Telemetry;

/// <summary>Where traces, metrics and logs go, chosen from configuration at start.</summary>
public enum TelemetryExporter
{
    /// <summary>Nothing is exported (the meter still counts for in-process listeners).</summary>
    None,

    /// <summary>Application Insights (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>).</summary>
    AzureMonitor,

    /// <summary>Any OpenTelemetry collector (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>).</summary>
    Otlp,
}
