using System.Net;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Analytics;

namespace CartRecovery.Integrations.Klaviyo;

/// <summary>
/// Sends recovery events to Klaviyo's Events API (<c>POST /api/events</c>, JSON:API body) with the shop's private key, the
/// <c>revision</c> header, and the event's stable id as <c>unique_id</c>, so a retried send is recorded once. 429 and 5xx are
/// retried, honouring Retry-After; the answer says whether Klaviyo accepted the event (the caller records a failure, never
/// blocks the recovery). An event without a known shopper (no profile to attach it to) is not sent.
/// </summary>
public sealed class KlaviyoEventSender(HttpClient http, KlaviyoEventSenderOptions options, TimeProvider time)
{
    public static string MetricName(RecoveryEventKind kind) => kind switch
    {
        RecoveryEventKind.Started => "Cart Recovery Started",
        RecoveryEventKind.MessageSent => "Cart Recovery Message Sent",
        RecoveryEventKind.MessageOpened => "Cart Recovery Message Opened",
        RecoveryEventKind.MessageClicked => "Cart Recovery Message Clicked",
        _ => "Cart Recovery Recovered",
    };

    public async Task<bool> SendAsync(string privateKey, RecoveryEventNotice notice, string? customerKey, CancellationToken cancellationToken)
    {
        if (Profile(customerKey) is not { } profile)
        {
            return false;
        }

        var properties = new Dictionary<string, object?> { ["recovery_id"] = notice.RecoveryId, ["step"] = notice.StepId, ["channel"] = notice.Channel?.ToString().ToLowerInvariant(), ["variant"] = notice.Variant, ["order_id"] = notice.Order?.OrderId };
        var attributes = new Dictionary<string, object?>
        {
            ["properties"] = properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
            ["metric"] = new { data = new { type = "metric", attributes = new { name = MetricName(notice.Kind) } } },
            ["profile"] = new { data = new { type = "profile", attributes = profile } },
            ["time"] = notice.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["unique_id"] = notice.EventId,
        };
        if (notice.Order is { } order)
        {
            attributes["value"] = order.NetRevenue;
            attributes["value_currency"] = order.Currency;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new { data = new { type = "event", attributes } });
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseUrl, "api/events"))
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/vnd.api+json") } },
            };
            request.Headers.TryAddWithoutValidation("Authorization", "Klaviyo-API-Key " + privateKey);
            request.Headers.TryAddWithoutValidation("revision", options.Revision);
            request.Headers.TryAddWithoutValidation("accept", "application/vnd.api+json");
            TimeSpan? wait = null;
            HttpStatusCode? status = null;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                status = response.StatusCode;
                wait = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException)
            {
                // network failure: transient
            }

            var transient = status is null || status == HttpStatusCode.TooManyRequests || (int)status >= 500;
            wait ??= TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble()));
            if (!transient || attempt >= options.MaxAttempts || wait > options.MaxRetryAfter)
            {
                return false;
            }

            await Task.Delay(wait.Value, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Klaviyo profile identifiers from the shopper key: an email, or the Shopify customer id as external id.</summary>
    private static Dictionary<string, string>? Profile(string? customerKey) => customerKey switch
    {
        { } key when key.StartsWith("email:", StringComparison.Ordinal) => new() { ["email"] = key["email:".Length..] },
        { } key when key.StartsWith("id:", StringComparison.Ordinal) => new() { ["external_id"] = "shopify:" + key["id:".Length..] },
        _ => null,
    };
}
