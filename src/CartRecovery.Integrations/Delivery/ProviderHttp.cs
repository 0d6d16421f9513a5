using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using Polly.Timeout;
using Polly;

namespace CartRecovery.Integrations.Delivery;

/// <summary>
/// Sends one provider request under the request timeout and sorts the answer: 2xx is returned; 408, 429 and 5xx are transient
/// (thrown as <see cref="TransientDeliveryException"/>, for the engine to retry the step); any other status is a
/// <see cref="PermanentDeliveryException"/>. The request is built per call (signatures carry the time).
/// </summary>
public sealed class ProviderHttp(HttpClient http, ResiliencePipeline pipeline, string provider, TimeProvider timeProvider)
{
    public string Provider => provider;

    public Task<ProviderResponse> SendAsync(Func<HttpRequestMessage> buildRequest, CancellationToken cancellationToken) =>
        SendAsync(buildRequest, response => response, cancellationToken);

    /// <summary>
    /// Sends and reads the answer, so a 2xx whose content reports a transient failure (an ACS SMS recipient throttled inside a
    /// 202) is transient like a 5xx when <paramref name="read"/> throws <see cref="TransientDeliveryException"/>.
    /// </summary>
    public async Task<T> SendAsync<T>(Func<HttpRequestMessage> buildRequest, Func<ProviderResponse, T> read, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = buildRequest();
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                    var body = await response.Content.ReadAsStringAsync(token);
                    return read(Classify(response, body));
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw new TransientDeliveryException(provider, null, "timed out", null, timeout);
        }
        catch (HttpRequestException failure)
        {
            throw new TransientDeliveryException(provider, null, $"connection failed ({failure.HttpRequestError})", null, failure);
        }
    }

    /// <summary>Whether a per-item status (e.g. one recipient of an ACS SMS batch) is worth retrying.</summary>
    public static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    private ProviderResponse Classify(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new ProviderResponse(status, response.Headers, body);
        }

        var reason = $"HTTP {status}{ErrorCodeSuffix(response, body)}";
        if (IsTransient(status))
        {
            throw new TransientDeliveryException(provider, status, reason, RetryAfter(response));
        }

        throw new PermanentDeliveryException(provider, status, reason);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    /// <summary>
    /// The provider's error code, never its message: messages echo addresses and phone numbers, which must not reach logs.
    /// ACS sends <c>x-ms-error-code</c> and <c>{"error":{"code"}}</c>; Resend <c>{"name"}</c>; Twilio <c>{"code"}</c>.
    /// </summary>
    private static string ErrorCodeSuffix(HttpResponseMessage response, string body)
    {
        if (response.Headers.TryGetValues("x-ms-error-code", out var codes) && codes.FirstOrDefault() is { Length: > 0 } header)
        {
            return $" ({Sanitize(header)})";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return string.Empty;
            }

            JsonElement code = default;
            var found = (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out code))
                || root.TryGetProperty("name", out code)
                || root.TryGetProperty("code", out code);
            return found && code.ValueKind is JsonValueKind.String or JsonValueKind.Number ? $" ({Sanitize(code.ToString())})" : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string Sanitize(string code)
    {
        var kept = new string(code.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.').Take(64).ToArray());
        return kept.Length == 0 ? "unknown" : kept;
    }
}
