namespace CartRecovery.Integrations.Email;

/// <summary>Section <c>Email</c>: which provider sends, who the mail is from, and each provider's settings.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailProviderKind Provider { get; set; } = EmailProviderKind.Smtp;

    public string FromAddress { get; set; } = "recovery@cartrecovery.localhost";

    public string? FromName { get; set; } = "Cart Recovery";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>DKIM signing of SMTP mail (off unless a domain, selector and key are configured).</summary>
    public DkimSettings Dkim { get; set; } = new();

    public ResendSettings Resend { get; set; } = new();

    public AcsEmailSettings Acs { get; set; } = new();

    /// <summary>RFC 5322 mailbox: <c>Name &lt;address&gt;</c>, or the bare address when there is no name.</summary>
    public string FromMailbox() =>
        string.IsNullOrWhiteSpace(FromName) ? FromAddress : $"{FromName.Replace("\"", string.Empty, StringComparison.Ordinal)} <{FromAddress}>";
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1025;

    /// <summary>TLS: implicit on port 465, otherwise STARTTLS, which the server must then offer (no silent plain-text fallback).</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

public sealed class ResendSettings
{
    public Uri BaseUrl { get; set; } = new("https://api.resend.com/");

    public string? ApiKey { get; set; }

    /// <summary>The <c>whsec_…</c> signing secret of the Resend webhook endpoint (bounces, complaints, deliveries).</summary>
    public string? WebhookSecret { get; set; }
}

public sealed class AcsEmailSettings
{
    /// <summary><c>endpoint=https://res.communication.azure.com/;accesskey=…</c></summary>
    public string? ConnectionString { get; set; }

    public string ApiVersion { get; set; } = "2025-09-01";

    /// <summary>Wait between status polls when the service does not say (<c>retry-after</c>).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between polls, whatever <c>retry-after</c> says.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Polls before giving up for now (transient: the retry re-sends with the same Operation-Id).</summary>
    public int MaxPolls { get; set; } = 60;
}
