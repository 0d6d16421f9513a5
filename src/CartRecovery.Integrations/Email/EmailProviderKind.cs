namespace CartRecovery.Integrations.Email;

public enum EmailProviderKind
{
    /// <summary>Any SMTP server; locally MailDev on 127.0.0.1:1025.</summary>
    Smtp,
    Resend,
    Acs,
}
