using CartRecovery.Core.Analytics;
using CartRecovery.Core.Experiments.Statistics;

namespace CartRecovery.Core.Experiments;

/// <summary>Computes an experiment's results from the counters of its arms (pure).</summary>
public static class ExperimentEvaluation
{
    public static ExperimentResults Evaluate(Experiment experiment, IEnumerable<DailyRollup> days)
    {
        var counters = days.SelectMany(d => d.Counters).Select(c => (Key: CounterKey.Parse(c.Key), c.Value)).ToList();
        decimal Sum(string metric, string arm) => counters.Where(c => c.Key.Metric == metric && c.Key.Variant == experiment.VariantOf(arm)).Sum(c => c.Value);

        var raw = experiment.Arms.Select(arm =>
        {
            var recipients = (long)Sum(Metric.Started, arm.Name);
            var conversions = experiment.Metric == ExperimentMetric.ClickRate
                ? Math.Min(recipients, (long)Sum(Metric.Clicked, arm.Name))
                : Math.Min(recipients, (long)Sum(Metric.Orders, arm.Name));
            return (Arm: arm, Recipients: recipients, Conversions: conversions, Revenue: Sum(Metric.Revenue, arm.Name));
        }).ToList();

        var control = raw.First(r => r.Arm.Name == experiment.Control);
        var best = BetaBinomial.ProbabilityBest([.. raw.Select(r => (r.Conversions, r.Recipients))]);
        var arms = raw.Select((r, i) =>
        {
            var isControl = r.Arm.Name == experiment.Control;
            return new ArmResult(
                r.Arm.Name,
                isControl,
                r.Arm.IsHoldout,
                r.Recipients,
                r.Conversions,
                r.Recipients == 0 ? 0 : Math.Round((double)r.Conversions / r.Recipients, 4),
                r.Revenue,
                r.Recipients == 0 ? 0 : Math.Round(r.Revenue / r.Recipients, 2),
                isControl ? null : TwoProportionZTest.Test(control.Conversions, control.Recipients, r.Conversions, r.Recipients),
                isControl ? null : Math.Round(BetaBinomial.ProbabilityBeats(control.Conversions, control.Recipients, r.Conversions, r.Recipients), 4),
                Math.Round(best[i], 4));
        }).ToList();

        var (_, srmP) = SampleRatioCheck.Test([.. raw.Select(r => r.Recipients)], [.. raw.Select(r => r.Arm.Weight)]);
        var mismatch = srmP < SampleRatioCheck.Threshold;
        var enough = raw.All(r => r.Recipients >= experiment.MinRecipientsPerArm);
        var leader = experiment.Kind == ExperimentKind.Holdout || mismatch || !enough || experiment.Metric == ExperimentMetric.RevenuePerRecipient
            ? null
            : arms.Where(a => !a.IsHoldout && a.ProbabilityBest >= experiment.WinProbability).Select(a => a.Arm).FirstOrDefault();
        var status = mismatch ? "sampleRatioMismatch"
            : experiment.Kind == ExperimentKind.Holdout ? "holdoutMeasuring"
            : !enough ? "collecting"
            : leader is null ? "noClearWinner"
            : "winnerFound";
        return new ExperimentResults(arms, Math.Round(srmP, 6), mismatch, leader, status);
    }
}
