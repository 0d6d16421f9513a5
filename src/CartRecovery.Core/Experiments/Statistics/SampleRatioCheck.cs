using MathNet.Numerics.Distributions;

namespace CartRecovery.Core.Experiments.Statistics;

/// <summary>
/// Sample-ratio mismatch: a chi-square goodness-of-fit test of the arms' recipients against their weights. A p-value under
/// <see cref="Threshold"/> means the split is broken (a bug, a bot, a filter), so no winner may be declared.
/// </summary>
public static class SampleRatioCheck
{
    public const double Threshold = 0.001;

    public static (double ChiSquare, double PValue) Test(IReadOnlyList<long> observed, IReadOnlyList<double> weights)
    {
        var total = observed.Sum();
        if (total == 0 || observed.Count < 2)
        {
            return (0, 1);
        }

        var weightSum = weights.Sum();
        var chi = observed.Select((o, i) => (Observed: (double)o, Expected: total * weights[i] / weightSum)).Sum(x => Math.Pow(x.Observed - x.Expected, 2) / x.Expected);
        return (chi, 1 - ChiSquared.CDF(observed.Count - 1, chi));
    }
}
