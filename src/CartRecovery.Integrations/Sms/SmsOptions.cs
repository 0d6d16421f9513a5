namespace CartRecovery.Integrations.Sms;

/// <summary>Section <c>Sms</c>: which provider sends, from which number, and how long a message may be.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public SmsProviderKind Provider { get; set; } = SmsProviderKind.Outbox;

    /// <summary>The sending number (E.164) or alphanumeric sender id.</summary>
    public string From { get; set; } = "+15550000000";

    /// <summary>Most segments one message may take; longer bodies are shortened.</summary>
    public int MaxSegments { get; set; } = 2;

    public AcsSmsSettings Acs { get; set; } = new();

    public TwilioSettings Twilio { get; set; } = new();
}

public sealed class AcsSmsSettings
{
    /// <summary><c>endpoint=https://res.communication.azure.com/;accesskey=…</c></summary>
    public string? ConnectionString { get; set; }

    public string ApiVersion { get; set; } = "2021-03-07";

    public bool EnableDeliveryReport { get; set; } = true;
}

public sealed class TwilioSettings
{
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com/");

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>Send through a Messaging Service instead of <see cref="SmsOptions.From"/> when set.</summary>
    public string? MessagingServiceSid { get; set; }
}
