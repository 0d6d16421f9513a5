namespace CartRecovery.Core.Analytics;

/// <summary>Treated minus holdout recovery rate, with its 95 % confidence interval (<see cref="Low"/>, <see cref="High"/>).</summary>
public sealed record Lift(double Rate, double Low, double High)
{
    /// <summary>
    /// The difference of two proportions with the unpooled (Wald) standard error; null when either group is empty.
    /// </summary>
    public static Lift? Between(long treated, long treatedConverted, long holdout, long holdoutConverted, double z = 1.959963984540054)
    {
        if (treated <= 0 || holdout <= 0)
        {
            return null;
        }

        var p1 = (double)treatedConverted / treated;
        var p0 = (double)holdoutConverted / holdout;
        var se = Math.Sqrt((p1 * (1 - p1) / treated) + (p0 * (1 - p0) / holdout));
        var rate = p1 - p0;
        return new Lift(rate, rate - (z * se), rate + (z * se));
    }
}
