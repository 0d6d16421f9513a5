using CartRecovery.Core.Messaging;
using MimeKit;

namespace CartRecovery.Integrations.Email;

/// <summary>The MIME message an SMTP send carries: multipart/alternative (plain text, then HTML) with the rendered headers.</summary>
internal static class SmtpMessage
{
    public static MimeMessage Build(RenderedMessage message, string subject, MailboxAddress to, string messageId, EmailOptions options, DateTimeOffset now)
    {
        var mail = new MimeMessage { Subject = subject, MessageId = messageId, Date = now };
        mail.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mail.To.Add(to);
        foreach (var (name, value) in message.Headers)
        {
            mail.Headers.Add(name, value);
        }

        // Plain text first, HTML last: clients show the last alternative they understand.
        mail.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();

        // 7-bit transfer encodings decided here, not by the SMTP client, so a DKIM signature over the body stays valid
        // whatever extensions (8BITMIME, BINARYMIME) the server offers.
        mail.Prepare(EncodingConstraint.SevenBit);
        return mail;
    }
}
