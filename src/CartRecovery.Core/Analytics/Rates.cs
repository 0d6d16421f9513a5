namespace CartRecovery.Core.Analytics;

internal static class Rates
{
    /// <summary>A share from 0 to 1, rounded to 4 places; 0 when there is nothing to divide by.</summary>
    public static double Of(decimal part, decimal whole) => whole <= 0 ? 0 : Math.Round((double)(part / whole), 4);
}
