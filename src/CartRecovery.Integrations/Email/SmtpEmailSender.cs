using System.Net.Mail;
using System.Net.Mime;
using System.Net;
using System.Text;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Delivery;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CartRecovery.Integrations.Email;

/// <summary>
/// Any SMTP server (locally MailDev on 127.0.0.1:1025): multipart/alternative with a plain-text and an HTML part, and the
/// rendered headers (List-Unsubscribe, List-Unsubscribe-Post). SMTP has no idempotency: the Message-ID is derived from the
/// step's key so a duplicate after a crash is at least recognisable, and 4xx replies are retried, 5xx are permanent.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> emailOptions, ProviderHttpFactory providers) : IEmailSender
{
    private readonly EmailOptions options = emailOptions.Value;

    public string Provider => "smtp";

    public async Task<ProviderReceipt> SendAsync(RenderedMessage message, string to, DeliveryContext context, CancellationToken cancellationToken)
    {
        var subject = EmailMessageCheck.SubjectOf(message);
        var messageId = $"<{IdempotencyIds.HexFor(context.IdempotencyKey)}@{DomainOf(options.FromAddress)}>";
        try
        {
            await providers.Pipeline.ExecuteAsync(
                async token =>
                {
                    using var mail = Build(message, subject, to, messageId);
                    using var client = Client();
                    await SendOnceAsync(client, mail, token);
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw new TransientDeliveryException(Provider, null, "timed out", null, timeout);
        }

        return new ProviderReceipt(Provider, messageId);
    }

    private async Task SendOnceAsync(SmtpClient client, MailMessage mail, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpException failure)
        {
            throw Classify(failure);
        }
    }

    private Exception Classify(SmtpException failure)
    {
        var code = (int)failure.StatusCode;
        var reason = $"SMTP {code} ({failure.StatusCode})";
        return code is >= 500 and < 600 && failure.InnerException is null
            ? new PermanentDeliveryException(Provider, code, reason)
            : new TransientDeliveryException(Provider, code, reason, null, failure);
    }

    private MailMessage Build(RenderedMessage message, string subject, string to, string messageId)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(options.FromAddress, options.FromName, Encoding.UTF8),
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(to));
        mail.Headers.Add("Message-ID", messageId);
        foreach (var (name, value) in message.Headers)
        {
            mail.Headers.Add(name, value);
        }

        // Plain text first, HTML last: clients show the last alternative they understand.
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Text, Encoding.UTF8, MediaTypeNames.Text.Plain));
        if (message.Html is { } html)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html));
        }

        return mail;
    }

    private SmtpClient Client()
    {
        var smtp = options.Smtp;
        var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        return client;
    }

    private static string DomainOf(string address) =>
        address.LastIndexOf('@') is var at and >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "cartrecovery.localhost";
}
