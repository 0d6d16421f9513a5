namespace CartRecovery.Core.Targeting.Rules;

/// <summary>
/// The eligibility filters by name. The default order runs the cheap, local checks first and the frequency cap last:
/// the cap reserves the customer's slot, and a reservation made only after every other filter passed is rarely released.
/// </summary>
public static class FilterNames
{
    public const string Trust = "trust";
    public const string CartValue = "cart-value";
    public const string Eligibility = "eligibility";
    public const string Inventory = "inventory";
    public const string QuietHours = "quiet-hours";
    public const string SendTime = "send-time";
    public const string Klaviyo = "klaviyo";
    public const string FrequencyCap = "frequency-cap";

    public static IReadOnlyList<string> DefaultOrder { get; } = [Trust, CartValue, Eligibility, Inventory, QuietHours, SendTime, Klaviyo, FrequencyCap];

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(DefaultOrder, StringComparer.Ordinal);
}
