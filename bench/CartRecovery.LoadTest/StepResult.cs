namespace CartRecovery.LoadTest;

internal sealed record StepResult(int TargetRate, long Sent, long Ok, long Errors, double AchievedRate, double P50, double P99, double Max, double SendSeconds)
{
    public static StepResult Empty(int rate) => new(rate, 0, 0, 0, 0, 0, 0, 0, 0);

    public static StepResult From(int rate, double[] latencies, int[] statuses, TimeSpan elapsed, TimeSpan sending)
    {
        var ok = statuses.Count(s => s == 200);
        var okLatencies = latencies.Where((_, i) => statuses[i] == 200).Order().ToArray();
        return new StepResult(
            rate,
            statuses.Length,
            ok,
            statuses.Length - ok,
            ok / elapsed.TotalSeconds,
            Percentile(okLatencies, 0.50),
            Percentile(okLatencies, 0.99),
            okLatencies.Length == 0 ? 0 : okLatencies[^1],
            sending.TotalSeconds);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public override string ToString() =>
        FormattableString.Invariant($"| {TargetRate,6} | {Sent,7} | {Ok,7} | {Errors,6} | {AchievedRate,9:F0} | {P50,7:F1} | {P99,7:F1} | {Max,7:F1} |");

    public const string Header = "| target/s |    sent |      ok | errors | acked/s | p50 ms | p99 ms | max ms |\n|---:|---:|---:|---:|---:|---:|---:|---:|";
}
