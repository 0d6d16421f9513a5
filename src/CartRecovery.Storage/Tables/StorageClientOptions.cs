using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace CartRecovery.Storage.Tables;

/// <summary>The product's settings for Azure.Data.Tables: retries, attempt timeout and a connection pool sized for group commits.</summary>
public static class StorageClientOptions
{
    /// <summary>Retries after the first attempt for transient failures.</summary>
    public const int MaxRetries = 4;

    /// <summary>First backoff delay; later ones grow exponentially with jitter, or follow Retry-After when the service sends one.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one attempt.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Options with the product's retry policy. <paramref name="transport"/> replaces the pooled network handler (tests put a
    /// fault-injecting or recording handler there); the other arguments shorten retries for tests.
    /// </summary>
    public static TableClientOptions Create(HttpMessageHandler? transport = null, int maxRetries = MaxRetries, TimeSpan? baseDelay = null, TimeSpan? attemptTimeout = null)
    {
        var options = new TableClientOptions
        {
            RetryPolicy = new TableRetryPolicy(maxRetries, DelayStrategy.CreateExponentialDelayStrategy(baseDelay ?? BaseDelay, MaxDelay)),
            Transport = new HttpClientTransport(transport ?? CreateHandler()),
        };
        options.Retry.NetworkTimeout = attemptTimeout ?? AttemptTimeout;
        return options;
    }

    // Many concurrent writers (group commit, timers) share one account, so the pool is wide; connections are renewed for DNS changes.
    private static SocketsHttpHandler CreateHandler() => new()
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AllowAutoRedirect = false,
        UseCookies = false,
    };
}
