using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CartRecovery.Integrations.Ga4;

/// <summary>
/// Sends events to GA4's Measurement Protocol (<c>POST /mp/collect?measurement_id&amp;api_secret</c>, body
/// <c>{client_id, events}</c>), in requests of at most 25 events and under 130 kB. Server errors and 429 are retried with
/// backoff; the answer says whether every batch was accepted, so the caller can record a failure instead of throwing.
/// </summary>
public sealed class Ga4Client(HttpClient http, Ga4Options options, TimeProvider time)
{
    public async Task<bool> SendAsync(string measurementId, string apiSecret, string clientId, IReadOnlyList<Ga4Event> events, CancellationToken cancellationToken)
    {
        var fitted = events.Select(Ga4Limits.Fit).ToList();
        var all = true;
        foreach (var batch in fitted.Chunk(Ga4Limits.MaxEventsPerRequest))
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new { client_id = clientId, events = batch.Select(e => new { name = e.Name, @params = e.Params }) });
            if (body.Length >= Ga4Limits.MaxBodyBytes)
            {
                throw new ArgumentException("A GA4 request would exceed 130 kB.", nameof(events));
            }

            var url = new Uri(options.BaseUrl, $"mp/collect?measurement_id={Uri.EscapeDataString(measurementId)}&api_secret={Uri.EscapeDataString(apiSecret)}");
            all &= await PostAsync(url, body, cancellationToken).ConfigureAwait(false);
        }

        return all;
    }

    private async Task<bool> PostAsync(Uri url, byte[] body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode? status = null;
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                status = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // a network failure is transient: retried like a 5xx
            }

            var transient = status is null || status == HttpStatusCode.TooManyRequests || (int)status >= 500;
            if (!transient || attempt >= options.MaxAttempts)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble())), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
