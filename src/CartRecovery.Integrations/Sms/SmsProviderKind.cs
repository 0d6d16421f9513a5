namespace CartRecovery.Integrations.Sms;

public enum SmsProviderKind
{
    /// <summary>Stores the message locally instead of sending it (the local default).</summary>
    Outbox,
    Acs,
    Twilio,
}
