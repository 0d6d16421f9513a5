using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// The Polly pipeline around one Table request: a timeout per attempt inside a retry with exponential backoff and jitter
/// for transient failures (network errors, timeouts, 408, 429, 500, 502, 503, 504), following Retry-After when sent.
/// Any other status is the caller's answer and is never retried.
/// </summary>
internal static partial class TableRetryPipeline
{
    /// <summary>The request being sent, so a retry can be logged by operation.</summary>
    public static readonly ResiliencePropertyKey<TableRequest> RequestKey = new("CartRecovery.Tables.Request");

    public static ResiliencePipeline<HttpResponseMessage> Create(TableClientOptions options, bool retry)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (retry && options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options)),
                OnRetry = args =>
                {
                    if (options.Logger is { } logger && args.Context.Properties.TryGetValue(RequestKey, out var request))
                    {
                        LogRetry(logger, request.Describe(), args.Outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait the service asked for (Retry-After, or Azure's retry-after-ms), capped at <see cref="TableClientOptions.MaxDelay"/>; null keeps the backoff.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TableClientOptions options)
    {
        if (response is null)
        {
            return null;
        }

        TimeSpan? wait = null;
        foreach (var header in (ReadOnlySpan<string>)["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValues(header, out var values) && double.TryParse(values.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            {
                wait = TimeSpan.FromMilliseconds(ms);
                break;
            }
        }

        if (wait is null && response.Headers.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - options.TimeProvider.GetUtcNow() : null);
        }

        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, options.MaxDelay.Ticks)) : null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Table request {Operation} failed transiently ({Failure}) on attempt {Attempt}; retrying in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, string operation, string? failure, int attempt, double delayMs);
}
