namespace CartRecovery.Core.Messaging.Steps;

/// <summary>What the step executor needs from configuration (section <c>Sms</c>, beside the SMS provider's own settings).</summary>
public sealed class StepDeliveryOptions
{
    public const string SmsSection = "Sms";

    /// <summary>Most segments one SMS may take; longer bodies are shortened, and one that still does not fit fails.</summary>
    public int MaxSegments { get; set; } = 2;
}
