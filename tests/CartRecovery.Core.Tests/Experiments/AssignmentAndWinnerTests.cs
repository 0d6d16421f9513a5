using CartRecovery.Core.Analytics;
using CartRecovery.Core.Experiments;
using CartRecovery.Core.Experiments.Api;

namespace CartRecovery.Core.Tests.Experiments;

public sealed class AssignmentAndWinnerTests
{
    private const string Shop = "demo.myshopify.com";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_shopper_gets_the_same_arm_every_time_and_experiments_assign_independently()
    {
        var experiment = AbTest("exp-a");
        var other = AbTest("exp-b");
        var customers = Enumerable.Range(0, 2000).Select(i => $"id:{i}").ToList();

        Assert.All(customers, c => Assert.Equal(ExperimentAssignment.Assign(experiment, c).Name, ExperimentAssignment.Assign(experiment, c).Name));
        var same = customers.Count(c => ExperimentAssignment.Assign(experiment, c).Name == ExperimentAssignment.Assign(other, c).Name);
        Assert.InRange(same, 850, 1150); // independent 50/50 splits agree about half the time
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void Arms_are_balanced_by_weight(double holdoutShare)
    {
        var (experiment, _) = ExperimentRules.Create(Shop, "exp-h", new CreateExperimentRequest("Holdout", ExperimentKind.Holdout, null, null, null, null, null, holdoutShare < 0.5 ? holdoutShare : 0.49), Now);
        const int n = 20000;
        var held = Enumerable.Range(0, n).Count(i => ExperimentAssignment.Assign(experiment!, $"email:s{i}@example.com").IsHoldout);
        var share = holdoutShare < 0.5 ? holdoutShare : 0.49;
        var sigma = Math.Sqrt(n * share * (1 - share));

        Assert.InRange(held, (n * share) - (4 * sigma), (n * share) + (4 * sigma));
    }

    [Fact]
    public void A_winner_needs_the_minimum_recipients_in_every_arm_and_the_probability_threshold()
    {
        var experiment = AbTest("exp-w");
        var enough = Evaluate(experiment, (500, 25), (500, 50));
        var tooFew = Evaluate(experiment, (499, 25), (500, 50));
        var close = Evaluate(experiment, (500, 25), (500, 27));

        Assert.Equal("b", enough.Leader);
        Assert.Equal("winnerFound", enough.Status);
        Assert.True(enough.Arms[1].ProbabilityBest >= 0.9);
        Assert.Null(tooFew.Leader);
        Assert.Equal("collecting", tooFew.Status);
        Assert.Null(close.Leader);
        Assert.Equal("noClearWinner", close.Status);
    }

    [Fact]
    public void A_broken_split_is_flagged_instead_of_declaring_a_winner()
    {
        var result = Evaluate(AbTest("exp-s"), (5000, 250), (5500, 500));

        Assert.True(result.SampleRatioMismatch);
        Assert.Null(result.Leader);
        Assert.Equal("sampleRatioMismatch", result.Status);
    }

    [Fact]
    public void After_a_winner_new_shoppers_get_it()
    {
        var won = AbTest("exp-x") with { Winner = "b" };

        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal("b", ExperimentAssignment.Assign(won, $"id:{i}").Name));
    }

    [Theory]
    [InlineData("""{"name":"x","kind":"holdout","holdoutShare":0.6}""")]
    [InlineData("""{"name":"x","kind":"subject","arms":[{"name":"a","weight":1}]}""")]
    [InlineData("""{"name":"x","kind":"subject","arms":[{"name":"a","weight":1},{"name":"a","weight":1}]}""")]
    [InlineData("""{"name":"x","kind":"subject","arms":[{"name":"A B","weight":1},{"name":"b","weight":1}]}""")]
    [InlineData("""{"name":"x","kind":"subject","arms":[{"name":"a","weight":0},{"name":"b","weight":1}]}""")]
    [InlineData("""{"name":"x","kind":"subject","arms":[{"name":"a","weight":1},{"name":"b","weight":1}],"control":"c"}""")]
    [InlineData("""{"name":"","kind":"subject","arms":[{"name":"a","weight":1},{"name":"b","weight":1}]}""")]
    public void Invalid_experiments_are_refused_with_a_reason(string json)
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase) } };
        var request = System.Text.Json.JsonSerializer.Deserialize<CreateExperimentRequest>(json, options)!;

        var (experiment, error) = ExperimentRules.Create(Shop, "exp", request, Now);

        Assert.Null(experiment);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData(ExperimentStatus.Draft, ExperimentStatus.Running, true)]
    [InlineData(ExperimentStatus.Running, ExperimentStatus.Paused, true)]
    [InlineData(ExperimentStatus.Paused, ExperimentStatus.Running, true)]
    [InlineData(ExperimentStatus.Running, ExperimentStatus.Ended, true)]
    [InlineData(ExperimentStatus.Ended, ExperimentStatus.Running, false)]
    [InlineData(ExperimentStatus.Draft, ExperimentStatus.Paused, false)]
    public void Lifecycle_moves(ExperimentStatus from, ExperimentStatus to, bool allowed) => Assert.Equal(allowed, ExperimentRules.CanMove(from, to));

    private static Experiment AbTest(string id) =>
        ExperimentRules.Create(Shop, id, new CreateExperimentRequest("Subject test", ExperimentKind.Subject, [new ExperimentArm("a", 1), new ExperimentArm("b", 1)], "a", null, null, null, null), Now).Experiment!;

    private static ExperimentResults Evaluate(Experiment experiment, (long Recipients, long Orders) a, (long Recipients, long Orders) b)
    {
        var counters = new Dictionary<string, decimal>
        {
            [new CounterKey(Metric.Started, Variant: experiment.VariantOf("a"), Reason: "checkout").ToString()] = a.Recipients,
            [new CounterKey(Metric.Started, Variant: experiment.VariantOf("b"), Reason: "checkout").ToString()] = b.Recipients,
            [new CounterKey(Metric.Orders, "s1", "email", experiment.VariantOf("a"), "checkoutToken").ToString()] = a.Orders,
            [new CounterKey(Metric.Orders, "s1", "email", experiment.VariantOf("b"), "checkoutToken").ToString()] = b.Orders,
        };
        return ExperimentEvaluation.Evaluate(experiment, [new DailyRollup(new DateOnly(2026, 6, 1), counters, "USD")]);
    }
}
