using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CartRecovery.Core.Experiments.Statistics;

/// <summary>
/// Bayesian comparison of conversion rates with a uniform Beta(1, 1) prior: an arm with x conversions of n has the
/// posterior Beta(1 + x, 1 + n − x).
/// </summary>
public static class BetaBinomial
{
    /// <summary>
    /// P(p_B &gt; p_A) exactly, for Beta(αA, βA) and Beta(αB, βB) with integer αB (Evan Miller's closed form):
    /// Σ_{i=0}^{αB−1} B(αA + i, βA + βB) / ((βB + i) · B(1 + i, βB) · B(αA, βA)), summed in log space.
    /// </summary>
    public static double ProbabilityBBeatsA(double alphaA, double betaA, int alphaB, double betaB)
    {
        var total = 0.0;
        for (var i = 0; i < alphaB; i++)
        {
            total += Math.Exp(SpecialFunctions.BetaLn(alphaA + i, betaA + betaB) - Math.Log(betaB + i) - SpecialFunctions.BetaLn(1 + i, betaB) - SpecialFunctions.BetaLn(alphaA, betaA));
        }

        return Math.Clamp(total, 0, 1);
    }

    /// <summary>P(p_B &gt; p_A) from conversions, with the uniform prior.</summary>
    public static double ProbabilityBeats(long controlConverted, long control, long variantConverted, long variant) =>
        ProbabilityBBeatsA(1 + controlConverted, 1 + control - controlConverted, (int)(1 + variantConverted), 1 + variant - variantConverted);

    /// <summary>
    /// Each arm's probability of having the highest rate, by simulation from the posteriors (seeded, so the same counts give
    /// the same answer).
    /// </summary>
    public static double[] ProbabilityBest(IReadOnlyList<(long Converted, long Total)> arms, int draws = 20000, int seed = 20261203)
    {
        var random = new Random(seed);
        var posteriors = arms.Select(a => new Beta(1 + a.Converted, 1 + Math.Max(0, a.Total - a.Converted), random)).ToArray();
        var wins = new int[arms.Count];
        for (var d = 0; d < draws; d++)
        {
            var best = 0;
            var bestValue = double.MinValue;
            for (var i = 0; i < posteriors.Length; i++)
            {
                var sample = posteriors[i].Sample();
                if (sample > bestValue)
                {
                    bestValue = sample;
                    best = i;
                }
            }

            wins[best]++;
        }

        return [.. wins.Select(w => (double)w / draws)];
    }
}
