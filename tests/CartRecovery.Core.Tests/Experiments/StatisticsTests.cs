using CartRecovery.Core.Analytics;
using CartRecovery.Core.Experiments.Statistics;

namespace CartRecovery.Core.Tests.Experiments;

/// <summary>The statistics against values worked by hand (formulas in the comments) and closed forms.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void Z_test_matches_the_textbook_pooled_example()
    {
        // 100/1000 vs 130/1000: p̂ = 0.115, SE = √(0.115 · 0.885 · 2/1000) = 0.014267, z = 0.03 / SE = 2.1027, p = 0.0355.
        var result = TwoProportionZTest.Test(100, 1000, 130, 1000)!;

        Assert.Equal(2.102741, result.Z, 5);
        Assert.Equal(0.035488, result.PValue, 5);
        Assert.Equal(-result.Z, TwoProportionZTest.Test(130, 1000, 100, 1000)!.Z, 10);
    }

    [Fact]
    public void Z_test_of_equal_rates_is_zero_and_of_no_variance_or_no_data_is_undefined()
    {
        Assert.Equal(0, TwoProportionZTest.Test(200, 1000, 200, 1000)!.Z);
        Assert.Equal(1, TwoProportionZTest.Test(200, 1000, 200, 1000)!.PValue, 10);
        Assert.Null(TwoProportionZTest.Test(0, 100, 0, 100));
        Assert.Null(TwoProportionZTest.Test(0, 0, 3, 10));
    }

    [Theory]
    [InlineData(1, 1, 1, 1, 0.5)] // identical posteriors
    [InlineData(1, 1, 2, 1, 2.0 / 3)] // B has density 2b: ∫ 2b · b db = 2/3
    [InlineData(3, 5, 4, 4, 302.0 / 429)] // Beta(3,5) vs Beta(4,4), also 0.70396 by numerical integration
    public void Beta_probability_to_beat_matches_closed_forms(double alphaA, double betaA, int alphaB, double betaB, double expected) =>
        Assert.Equal(expected, BetaBinomial.ProbabilityBBeatsA(alphaA, betaA, alphaB, betaB), 9);

    [Fact]
    public void Simulated_probability_best_agrees_with_the_exact_two_arm_answer_and_sums_to_one()
    {
        var exact = BetaBinomial.ProbabilityBeats(40, 500, 55, 500);
        var simulated = BetaBinomial.ProbabilityBest([(40, 500), (55, 500)]);

        Assert.InRange(simulated[1] - exact, -0.01, 0.01); // 20000 draws: standard error about 0.0016
        Assert.Equal(1, simulated.Sum(), 10);
        Assert.Equal(simulated, BetaBinomial.ProbabilityBest([(40, 500), (55, 500)])); // seeded: the same counts give the same answer
    }

    [Fact]
    public void Sample_ratio_check_follows_the_chi_square_distribution()
    {
        // 5000 vs 5200 at 50/50: χ² = 2 · 100² / 5100 = 3.9216, p = erfc(√(χ²/2)) = 0.0477: a fair split by chance.
        var (chi, p) = SampleRatioCheck.Test([5000, 5200], [1, 1]);
        Assert.Equal(3.921569, chi, 5);
        Assert.Equal(0.047670, p, 5);

        // 5000 vs 5500: χ² = 23.81, p = 1.06e-6 < 0.001: a broken split.
        var (_, broken) = SampleRatioCheck.Test([5000, 5500], [1, 1]);
        Assert.Equal(1.0635e-6, broken, 9);
        Assert.True(broken < SampleRatioCheck.Threshold);

        // 9:1 weights are expected, not a mismatch.
        Assert.True(SampleRatioCheck.Test([9000, 1000], [0.9, 0.1]).PValue > 0.99);
    }

    [Fact]
    public void Lift_is_the_difference_of_rates_with_a_wald_interval()
    {
        // 60/1000 treated vs 40/1000 holdout: 0.02 ± 1.96 · √(0.06·0.94/1000 + 0.04·0.96/1000) = 0.02 ± 0.019083.
        var lift = Lift.Between(1000, 60, 1000, 40)!;

        Assert.Equal(0.02, lift.Rate, 10);
        Assert.Equal(0.000917, lift.Low, 5);
        Assert.Equal(0.039083, lift.High, 5);
        Assert.Null(Lift.Between(1000, 60, 0, 0));
    }
}
