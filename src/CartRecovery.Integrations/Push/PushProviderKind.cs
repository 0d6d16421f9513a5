namespace CartRecovery.Integrations.Push;

public enum PushProviderKind
{
    /// <summary>Stores the message locally instead of sending it (the local default).</summary>
    Outbox,
    WebPush,
}
