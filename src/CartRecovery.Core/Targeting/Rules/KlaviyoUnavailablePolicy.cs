namespace CartRecovery.Core.Targeting.Rules;

/// <summary>A shop's choice when Klaviyo cannot say whether it messaged the shopper.</summary>
public enum KlaviyoUnavailablePolicy
{
    Send,
    Skip,
}
