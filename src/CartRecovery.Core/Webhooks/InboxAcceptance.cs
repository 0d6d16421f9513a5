namespace CartRecovery.Core.Webhooks;

public enum InboxAcceptance
{
    /// <summary>Durably recorded; it will be processed.</summary>
    Accepted,

    /// <summary>This delivery id is already recorded (a retry racing the first attempt): nothing new was written.</summary>
    Duplicate,

    /// <summary>The body cannot be stored even compressed (Table Storage caps an entity at 1 MiB).</summary>
    TooLarge,
}
