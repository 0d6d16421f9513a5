using CartRecovery.Core.Experiments.Statistics;

namespace CartRecovery.Core.Experiments;

/// <summary>
/// One arm's live result on the experiment's metric: recipients (recoveries assigned), conversions, the rate, the z-test
/// against the control, the probability to beat the control and to be the best of all arms.
/// </summary>
public sealed record ArmResult(
    string Arm,
    bool IsControl,
    bool IsHoldout,
    long Recipients,
    long Conversions,
    double Rate,
    decimal Revenue,
    decimal RevenuePerRecipient,
    ZTestResult? VsControl,
    double? ProbabilityBeatsControl,
    double ProbabilityBest);
