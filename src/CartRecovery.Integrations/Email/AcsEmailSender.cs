using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Acs;
using CartRecovery.Integrations.Delivery;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Email;

/// <summary>
/// Azure Communication Services Email over REST (<c>POST /emails:send</c>, HMAC-SHA256 signed). The Operation-Id is derived
/// from the step's idempotency key, so a re-sent request names the same operation; the 202's operation is then polled until
/// it succeeds (the receipt) or fails (permanent).
/// </summary>
public sealed class AcsEmailSender(HttpClient http, IOptions<EmailOptions> emailOptions, ProviderHttpFactory providers) : IEmailSender
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly ProviderHttp provider = providers.Create(http, "acs-email");
    private readonly EmailOptions options = emailOptions.Value;
    private readonly TimeProvider time = providers.TimeProvider;

    public string Provider => provider.Provider;

    public async Task<ProviderReceipt> SendAsync(RenderedMessage message, string to, DeliveryContext context, CancellationToken cancellationToken)
    {
        var settings = options.Acs;
        var connection = AcsConnectionString.Parse(settings.ConnectionString);
        var operationId = IdempotencyIds.GuidFor(context.IdempotencyKey).ToString();
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new AcsEmail(
                options.FromAddress,
                new AcsContent(EmailMessageCheck.SubjectOf(message), message.Text, message.Html),
                new AcsRecipients([new AcsAddress(to)]),
                message.Headers.Count == 0 ? null : message.Headers,
                UserEngagementTrackingDisabled: true),
            Json);
        var send = connection.Resolve($"emails:send?api-version={Uri.EscapeDataString(settings.ApiVersion)}");
        var accepted = await provider.SendAsync(
            () =>
            {
                var request = Signed(HttpMethod.Post, send, body, connection);
                request.Headers.TryAddWithoutValidation("Operation-Id", operationId);
                return request;
            },
            cancellationToken);
        var status = JsonFields.String(accepted.Body, "status");
        var pollUri = PollUri(accepted.Header("Operation-Location"), connection, operationId, settings.ApiVersion);
        for (var poll = 0; !IsFinal(status); poll++)
        {
            if (poll >= settings.MaxPolls)
            {
                throw new TransientDeliveryException(Provider, accepted.Status, $"operation still {status ?? "unknown"} after {poll} polls");
            }

            await WaitAsync(accepted.Header("retry-after"), settings, cancellationToken);
            var polled = await provider.SendAsync(() => Signed(HttpMethod.Get, pollUri, [], connection), cancellationToken);
            status = JsonFields.String(polled.Body, "status");
            accepted = polled;
        }

        return status == "Succeeded"
            ? new ProviderReceipt(Provider, JsonFields.String(accepted.Body, "id") ?? operationId)
            : throw new PermanentDeliveryException(Provider, accepted.Status, $"operation {status}{ErrorCode(accepted.Body)}");
    }

    private static bool IsFinal(string? status) => status is "Succeeded" or "Failed" or "Canceled";

    /// <summary>
    /// The Operation-Location when it points at the configured endpoint; otherwise the documented URL of the operation,
    /// so a signed request is never sent to a host other than the one the key belongs to.
    /// </summary>
    private static Uri PollUri(string? operationLocation, AcsConnectionString connection, string operationId, string apiVersion) =>
        Uri.TryCreate(operationLocation, UriKind.Absolute, out var location)
        && string.Equals(location.Authority, connection.Endpoint.Authority, StringComparison.OrdinalIgnoreCase)
        && location.Scheme == connection.Endpoint.Scheme
            ? location
            : connection.Resolve($"emails/operations/{Uri.EscapeDataString(operationId)}?api-version={Uri.EscapeDataString(apiVersion)}");

    private async Task WaitAsync(string? retryAfter, AcsEmailSettings settings, CancellationToken cancellationToken)
    {
        var wait = int.TryParse(retryAfter, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : settings.PollInterval;
        if (wait > settings.MaxPollInterval)
        {
            wait = settings.MaxPollInterval;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private HttpRequestMessage Signed(HttpMethod method, Uri uri, byte[] body, AcsConnectionString connection)
    {
        var request = new HttpRequestMessage(method, uri);
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        request.Headers.TryAddWithoutValidation("User-Agent", ProviderHttpFactory.UserAgent);
        AcsRequestSigner.Sign(request, body, connection.AccessKey, time.GetUtcNow());
        return request;
    }

    private static string ErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                && code.GetString() is { } text
                ? $" ({new string(text.Where(char.IsAsciiLetterOrDigit).Take(64).ToArray())})"
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private sealed record AcsEmail(
        [property: JsonPropertyName("senderAddress")] string SenderAddress,
        [property: JsonPropertyName("content")] AcsContent Content,
        [property: JsonPropertyName("recipients")] AcsRecipients Recipients,
        [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string>? Headers,
        [property: JsonPropertyName("userEngagementTrackingDisabled")] bool UserEngagementTrackingDisabled);

    private sealed record AcsContent(
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("plainText")] string PlainText,
        [property: JsonPropertyName("html")] string? Html);

    private sealed record AcsRecipients([property: JsonPropertyName("to")] AcsAddress[] To);

    private sealed record AcsAddress([property: JsonPropertyName("address")] string Address);
}
