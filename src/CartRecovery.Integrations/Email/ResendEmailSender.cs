using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Delivery;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Email;

/// <summary>
/// Resend's REST API (<c>POST /emails</c>, Bearer key). The step's idempotency key goes in <c>Idempotency-Key</c>, which
/// Resend deduplicates for 24 hours, so a retried send is not delivered twice.
/// </summary>
public sealed class ResendEmailSender(HttpClient http, IOptions<EmailOptions> emailOptions, ProviderHttpFactory providers) : IEmailSender
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly ProviderHttp provider = providers.Create(http, "resend");
    private readonly EmailOptions options = emailOptions.Value;

    public string Provider => "resend";

    public async Task<ProviderReceipt> SendAsync(RenderedMessage message, string to, DeliveryContext context, CancellationToken cancellationToken)
    {
        var apiKey = options.Resend.ApiKey is { Length: > 0 } key ? key : throw new InvalidOperationException("Email:Resend:ApiKey is not configured.");
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new ResendEmail(
                options.FromMailbox(),
                [to],
                EmailMessageCheck.SubjectOf(message),
                message.Html,
                message.Text,
                message.Headers.Count == 0 ? null : message.Headers),
            Json);
        var uri = new Uri(options.Resend.BaseUrl, "emails");
        var response = await provider.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                request.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyIds.HeaderValueFor(context.IdempotencyKey));
                request.Headers.TryAddWithoutValidation("User-Agent", ProviderHttpFactory.UserAgent);
                return request;
            },
            cancellationToken);
        var id = JsonFields.String(response.Body, "id");
        return new ProviderReceipt(Provider, id ?? throw new TransientDeliveryException(Provider, response.Status, "answer without an id"));
    }

    private sealed record ResendEmail(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string[] To,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("html")] string? Html,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string>? Headers);
}
