namespace CartRecovery.Integrations.Sms;

/// <summary>Section <c>Sms</c>: which provider sends, and from which number (the segment limit is the step executor's: <c>Sms:MaxSegments</c>, see Core's StepDeliveryOptions).</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public SmsProviderKind Provider { get; set; } = SmsProviderKind.Outbox;

    /// <summary>The sending number (E.164) or alphanumeric sender id.</summary>
    public string From { get; set; } = "+15550000000";

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
