using System.Diagnostics;
using System.Net.Http.Headers;

namespace CartRecovery.LoadTest;

/// <summary>
/// Sends deliveries at a fixed rate (open loop: the schedule does not wait for answers, as Shopify does not) and records
/// each acknowledgement's latency, measured from the moment the request was due to be sent, so queueing in the client or
/// the server is counted, not hidden.
/// </summary>
internal sealed class RateStep(HttpClient client, Uri url, SignedPayloads payloads)
{
    private long sequence;

    public async Task<StepResult> RunAsync(int rate, TimeSpan duration, bool record)
    {
        var total = (long)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var statuses = new int[total];
        var inflight = new List<Task>((int)Math.Min(total, 1_000_000));
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            inflight.Add(SendAsync(index, due, clock, latencies, statuses));
        }

        var sendingTook = clock.Elapsed;
        await Task.WhenAll(inflight);
        var elapsed = clock.Elapsed;
        return record ? StepResult.From(rate, latencies, statuses, elapsed, sendingTook) : StepResult.Empty(rate);
    }

    private async Task SendAsync(long index, TimeSpan due, Stopwatch clock, double[] latencies, int[] statuses)
    {
        var payload = payloads[Interlocked.Increment(ref sequence)];
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(payload.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Shopify-Topic", payload.Topic);
        request.Headers.TryAddWithoutValidation("X-Shopify-Shop-Domain", payload.Shop);
        request.Headers.TryAddWithoutValidation("X-Shopify-Hmac-Sha256", payload.Signature);
        request.Headers.TryAddWithoutValidation("X-Shopify-API-Version", "2026-07");
        request.Headers.TryAddWithoutValidation("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("X-Shopify-Event-Id", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("X-Shopify-Triggered-At", DateTimeOffset.UtcNow.ToString("O"));
        try
        {
            using var response = await client.SendAsync(request);
            statuses[index] = (int)response.StatusCode;
        }
        catch (Exception)
        {
            statuses[index] = -1;
        }

        latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
    }
}
