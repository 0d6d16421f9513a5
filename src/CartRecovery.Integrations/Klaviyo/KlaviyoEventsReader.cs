using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CartRecovery.Core.Targeting.Klaviyo;
using CartRecovery.Core.Targeting.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Klaviyo;

/// <summary>
/// Reads Klaviyo's Events API for coordination: finds the profile by email (else phone) with <c>GET /api/profiles</c>, then
/// its events since the window's start with <c>GET /api/events?filter=equals(profile_id,"…"),greater-than(datetime,…)</c>,
/// including each event's metric so the metric name can be matched. Every request carries the private key
/// (<c>Authorization: Klaviyo-API-Key …</c>), the <c>revision</c> header and the JSON:API accept type. A 429 waits for its
/// <c>Retry-After</c> when that still fits the time budget; a timeout, a refusal or an unreachable Klaviyo is reported as
/// unavailable, never thrown, so the shop's policy decides.
/// </summary>
public sealed partial class KlaviyoEventsReader(HttpClient http, IOptions<KlaviyoEventsReaderOptions> options, TimeProvider time, ILogger<KlaviyoEventsReader> logger) : IKlaviyoEvents
{
    private const string JsonApi = "application/vnd.api+json";

    public async Task<KlaviyoLookup> FindRecoveryMessageAsync(
        string privateKey, string? email, string? phone, DateTimeOffset since, KlaviyoCoordinationRules rules, CancellationToken cancellationToken)
    {
        var budget = TimeSpan.FromSeconds(rules.TimeoutSeconds);
        using var timeout = new CancellationTokenSource(budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var deadline = time.GetUtcNow() + budget;
        try
        {
            var profileFilter = !string.IsNullOrWhiteSpace(email) ? $"equals(email,{Quote(email.Trim())})"
                : !string.IsNullOrWhiteSpace(phone) ? $"equals(phone_number,{Quote(phone)})"
                : null;
            if (profileFilter is null)
            {
                return KlaviyoLookup.None;
            }

            using var profiles = await GetAsync($"api/profiles?filter={Uri.EscapeDataString(profileFilter)}&fields[profile]=id&page[size]=1", privateKey, deadline, linked.Token).ConfigureAwait(false);
            if (profiles.Problem is { } profileProblem)
            {
                return KlaviyoLookup.NoAnswer(profileProblem);
            }

            var data = profiles.Document!.RootElement.GetProperty("data");
            if (data.GetArrayLength() == 0)
            {
                return KlaviyoLookup.None;
            }

            var profileId = data[0].GetProperty("id").GetString()!;
            var eventFilter = $"equals(profile_id,{Quote(profileId)}),greater-than(datetime,{since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)})";
            var next = $"api/events?filter={Uri.EscapeDataString(eventFilter)}&include=metric&fields[metric]=name&fields[event]=datetime,event_properties&sort=-datetime";
            for (var page = 0; page < options.Value.MaxPages && next is not null; page++)
            {
                using var events = await GetAsync(next, privateKey, deadline, linked.Token).ConfigureAwait(false);
                if (events.Problem is { } eventProblem)
                {
                    return KlaviyoLookup.NoAnswer(eventProblem);
                }

                if (KlaviyoEventsReaderMatching.FirstMatch(events.Document!.RootElement, rules) is { } found)
                {
                    return found;
                }

                next = KlaviyoEventsReaderMatching.NextLink(events.Document.RootElement);
            }

            return KlaviyoLookup.None;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable("timeout");
            return KlaviyoLookup.NoAnswer($"no answer within {rules.TimeoutSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            LogUnavailable(e.HttpRequestError.ToString());
            return KlaviyoLookup.NoAnswer("unreachable");
        }
    }

    private async Task<Answer> GetAsync(string relative, string privateKey, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var uri = relative.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? new Uri(relative) : new Uri(options.Value.BaseUrl, relative);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Klaviyo-API-Key", privateKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonApi));
            request.Headers.TryAddWithoutValidation("revision", options.Value.Revision);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
                if (time.GetUtcNow() + wait >= deadline)
                {
                    LogUnavailable("rate limited");
                    return new Answer(null, $"rate limited by Klaviyo (retry after {wait.TotalSeconds:0.#} s)");
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                LogUnavailable($"HTTP {(int)response.StatusCode}");
                return new Answer(null, $"Klaviyo answered HTTP {(int)response.StatusCode}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new Answer(await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false), null);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);

    /// <summary>A filter string argument: double-quoted, with quotes and backslashes escaped.</summary>
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Klaviyo coordination: no answer ({Problem}); the shop's policy decides")]
    private partial void LogUnavailable(string problem);

    private sealed record Answer(JsonDocument? Document, string? Problem) : IDisposable
    {
        public void Dispose() => Document?.Dispose();
    }
}
