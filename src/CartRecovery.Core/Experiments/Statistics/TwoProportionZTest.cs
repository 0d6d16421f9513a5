using MathNet.Numerics.Distributions;

namespace CartRecovery.Core.Experiments.Statistics;

/// <summary>
/// The textbook two-proportion z-test with the pooled proportion: z = (p2 − p1) / √(p̂(1 − p̂)(1/n1 + 1/n2)), two-sided
/// p-value from the standard normal. Null when a group is empty or the pooled proportion is 0 or 1 (no variance).
/// </summary>
public static class TwoProportionZTest
{
    public static ZTestResult? Test(long controlConverted, long control, long variantConverted, long variant)
    {
        if (control <= 0 || variant <= 0)
        {
            return null;
        }

        var p1 = (double)controlConverted / control;
        var p2 = (double)variantConverted / variant;
        var pooled = (double)(controlConverted + variantConverted) / (control + variant);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / control) + (1.0 / variant)));
        if (se == 0)
        {
            return null;
        }

        var z = (p2 - p1) / se;
        return new ZTestResult(z, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))));
    }
}
