using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartRecovery.Demo;

/// <summary>
/// What the demo found: true values from its ground truth, measured values from the product's measurement API. A measured
/// value the product does not offer (yet) is null, with the reason in <see cref="Unavailable"/>; nothing is estimated here.
/// </summary>
public sealed record DemoReport(
    int Shoppers,
    int Seed,
    string Shop,
    int CheckoutsSent,
    int EmailsSeen,
    int Opens,
    int Clicks,
    int Orders,
    double? AttributionAccuracy,
    decimal TrueRecoveredRevenue,
    decimal? MeasuredRecoveredRevenue,
    double TrueLift,
    MeasuredLift? MeasuredLift,
    bool? TrueLiftInMeasuredInterval,
    bool? ExperimentPickedTrueWinner,
    IReadOnlyDictionary<string, string> Unavailable)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record MeasuredLift(double? Rate, double Low, double High);
