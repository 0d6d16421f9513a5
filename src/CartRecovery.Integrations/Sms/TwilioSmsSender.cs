using System.Net.Http.Headers;
using System.Text;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Delivery;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Sms;

/// <summary>
/// Twilio's Messages API (<c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>, Basic auth, form-encoded). Twilio has no
/// idempotency key for this call, so a retry after an answer that was lost (a timeout) may send twice: documented, and the
/// step's record keeps the first receipt so the workflow itself never repeats a sent step.
/// </summary>
public sealed class TwilioSmsSender(HttpClient http, IOptions<SmsOptions> smsOptions, ProviderHttpFactory providers) : ISmsSender
{
    private readonly ProviderHttp provider = providers.Create(http, "twilio");
    private readonly SmsOptions options = smsOptions.Value;

    public string Provider => provider.Provider;

    public async Task<ProviderReceipt> SendAsync(string text, string toPhone, DeliveryContext context, CancellationToken cancellationToken)
    {
        var twilio = options.Twilio;
        var sid = twilio.AccountSid is { Length: > 0 } s ? s : throw new InvalidOperationException("Sms:Twilio:AccountSid is not configured.");
        var token = twilio.AuthToken is { Length: > 0 } t ? t : throw new InvalidOperationException("Sms:Twilio:AuthToken is not configured.");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sid}:{token}"));
        var fields = new List<KeyValuePair<string, string>> { new("To", toPhone) };
        fields.Add(twilio.MessagingServiceSid is { Length: > 0 } service ? new("MessagingServiceSid", service) : new("From", options.From));
        fields.Add(new("Body", text));
        var uri = new Uri(twilio.BaseUrl, $"2010-04-01/Accounts/{Uri.EscapeDataString(sid)}/Messages.json");
        var response = await provider.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(fields) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                request.Headers.TryAddWithoutValidation("User-Agent", ProviderHttpFactory.UserAgent);
                return request;
            },
            cancellationToken);
        var messageSid = JsonFields.String(response.Body, "sid");
        // Permanent, not transient: the message may well have been accepted, and a retry would send it again.
        return new ProviderReceipt(Provider, messageSid ?? throw new PermanentDeliveryException(Provider, response.Status, "accepted without a sid"));
    }
}
