using System.Net.Sockets;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Delivery;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly.Timeout;

namespace CartRecovery.Integrations.Email;

/// <summary>
/// Any SMTP server (locally MailDev on 127.0.0.1:1025) through MailKit: multipart/alternative with a plain-text and an HTML
/// part, the rendered headers (List-Unsubscribe, List-Unsubscribe-Post), DKIM-signed when <c>Email:Dkim</c> is configured.
/// SMTP has no idempotency: the Message-ID is derived from the step's key so a duplicate after a crash is at least
/// recognisable. 4xx replies and connection failures are retried, 5xx replies are permanent.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> emailOptions, ProviderHttpFactory providers) : IEmailSender
{
    private readonly EmailOptions options = emailOptions.Value;
    private readonly Lazy<DkimMessageSigner?> dkim = new(() => DkimMessageSigner.Create(emailOptions.Value.Dkim));

    public string Provider => "smtp";

    public async Task<ProviderReceipt> SendAsync(RenderedMessage message, string to, DeliveryContext context, CancellationToken cancellationToken)
    {
        var subject = EmailMessageCheck.SubjectOf(message);
        if (!MailboxAddress.TryParse(to, out var recipient) || string.IsNullOrEmpty(recipient.Address))
        {
            throw new PermanentDeliveryException(Provider, null, "the recipient address is not valid");
        }

        var messageId = $"{IdempotencyIds.HexFor(context.IdempotencyKey)}@{DomainOf(options.FromAddress)}";
        try
        {
            await providers.Pipeline.ExecuteAsync(
                async token =>
                {
                    using var mail = SmtpMessage.Build(message, subject, recipient, messageId, options, providers.TimeProvider.GetUtcNow());
                    dkim.Value?.Sign(mail);
                    await SendOnceAsync(mail, token);
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw new TransientDeliveryException(Provider, null, "timed out", null, timeout);
        }

        return new ProviderReceipt(Provider, $"<{messageId}>");
    }

    private async Task SendOnceAsync(MimeMessage mail, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
        }
        catch (Exception failure) when (Classify(failure) is { } classified)
        {
            throw classified;
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception failure) when (failure is IOException or SocketException or ProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // The server has accepted the message: a failed QUIT must not make the retry send it again.
        }
    }

    /// <summary>Sorts MailKit's failures; never uses the server's reply text, which can echo the recipient's address.</summary>
    private Exception? Classify(Exception failure) => failure switch
    {
        SmtpCommandException { StatusCode: var status, ErrorCode: var error } when (int)status is >= 500 and < 600 =>
            new PermanentDeliveryException(Provider, (int)status, $"SMTP {(int)status} ({error})"),
        SmtpCommandException { StatusCode: var status, ErrorCode: var error } =>
            new TransientDeliveryException(Provider, (int)status, $"SMTP {(int)status} ({error})", null, failure),
        AuthenticationException => new PermanentDeliveryException(Provider, null, "SMTP authentication failed"),
        NotSupportedException => new PermanentDeliveryException(Provider, null, "the SMTP server does not offer what is configured (STARTTLS or authentication)"),
        SslHandshakeException => new TransientDeliveryException(Provider, null, "TLS handshake failed", null, failure),
        ProtocolException => new TransientDeliveryException(Provider, null, "SMTP protocol error", null, failure),
        IOException or SocketException => new TransientDeliveryException(Provider, null, "connection failed", null, failure),
        _ => null,
    };

    private static SecureSocketOptions Security(SmtpSettings smtp) =>
        !smtp.EnableSsl ? SecureSocketOptions.None
        : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;

    private static string DomainOf(string address) =>
        address.LastIndexOf('@') is var at and >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "cartrecovery.localhost";
}
