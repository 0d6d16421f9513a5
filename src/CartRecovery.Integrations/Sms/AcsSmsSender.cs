using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Acs;
using CartRecovery.Integrations.Delivery;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Sms;

/// <summary>
/// Azure Communication Services SMS over REST (<c>POST /sms</c>, HMAC-SHA256 signed). The repeatability request id is derived
/// from the step's idempotency key and the first-sent time is the first attempt's, so ACS recognises a retry and does not send twice.
/// The answer is per recipient: its <c>successful</c> and <c>httpStatusCode</c> decide between receipt, retry and refusal.
/// </summary>
public sealed class AcsSmsSender(HttpClient http, IOptions<SmsOptions> smsOptions, ProviderHttpFactory providers) : ISmsSender
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly ProviderHttp provider = providers.Create(http, "acs-sms");
    private readonly SmsOptions options = smsOptions.Value;

    public string Provider => provider.Provider;

    public async Task<ProviderReceipt> SendAsync(string text, string toPhone, DeliveryContext context, CancellationToken cancellationToken)
    {
        var connection = AcsConnectionString.Parse(options.Acs.ConnectionString);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new AcsSms(
                options.From,
                [new AcsSmsRecipient(
                    toPhone,
                    IdempotencyIds.GuidFor(context.IdempotencyKey).ToString(),
                    context.FirstAttemptAt.UtcDateTime.ToString("R", CultureInfo.InvariantCulture))],
                text,
                new AcsSmsSendOptions(options.Acs.EnableDeliveryReport)),
            Json);
        var uri = connection.Resolve($"sms?api-version={Uri.EscapeDataString(options.Acs.ApiVersion)}");
        return await provider.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation("User-Agent", ProviderHttpFactory.UserAgent);
                AcsRequestSigner.Sign(request, body, connection.AccessKey, providers.TimeProvider.GetUtcNow());
                return request;
            },
            Receipt,
            cancellationToken);
    }

    private ProviderReceipt Receipt(ProviderResponse response)
    {
        var result = JsonSerializer.Deserialize<AcsSmsResponse>(response.Body)?.Value?.FirstOrDefault()
            ?? throw new TransientDeliveryException(Provider, response.Status, "answer without a recipient result");
        if (result.Successful && result.MessageId is { Length: > 0 } id)
        {
            return new ProviderReceipt(Provider, id);
        }

        var status = result.HttpStatusCode;
        var reason = $"recipient HTTP {status}" + (result.RepeatabilityResult is { } repeat ? $" (repeatability {repeat})" : string.Empty);
        throw ProviderHttp.IsTransient(status)
            ? new TransientDeliveryException(Provider, status, reason)
            : new PermanentDeliveryException(Provider, status, reason);
    }

    private sealed record AcsSms(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("smsRecipients")] AcsSmsRecipient[] SmsRecipients,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("smsSendOptions")] AcsSmsSendOptions SmsSendOptions);

    private sealed record AcsSmsRecipient(
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("repeatabilityRequestId")] string RepeatabilityRequestId,
        [property: JsonPropertyName("repeatabilityFirstSent")] string RepeatabilityFirstSent);

    private sealed record AcsSmsSendOptions([property: JsonPropertyName("enableDeliveryReport")] bool EnableDeliveryReport);

    private sealed record AcsSmsResponse([property: JsonPropertyName("value")] AcsSmsResult[]? Value);

    private sealed record AcsSmsResult(
        [property: JsonPropertyName("to")] string? To,
        [property: JsonPropertyName("messageId")] string? MessageId,
        [property: JsonPropertyName("httpStatusCode")] int HttpStatusCode,
        [property: JsonPropertyName("successful")] bool Successful,
        [property: JsonPropertyName("repeatabilityResult")] string? RepeatabilityResult);
}
