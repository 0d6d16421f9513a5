using Microsoft.Extensions.Logging;

namespace CartRecovery.Storage.Tables;

/// <summary>Transport and retry settings of the Table client.</summary>
public sealed class TableClientOptions
{
    /// <summary>Attempts in all (first try included) for transient failures: timeouts, 408, 429, 5xx.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff delay; later ones grow exponentially with jitter, or follow Retry-After when the service sends one.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>For tests that put a fault-injecting handler in front of the network; null uses a pooled SocketsHttpHandler.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>The clock for request dates, token expiry and backoff delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where retries are logged (operation and table, never keys); null logs nothing.</summary>
    public ILogger? Logger { get; set; }
}
