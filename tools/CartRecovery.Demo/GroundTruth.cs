namespace CartRecovery.Demo;

/// <summary>
/// The true behaviour of the demo's shoppers, with known effects per step: a shopper opens message k with
/// <see cref="OpenRate"/>[k], clicks an opened one with <see cref="ClickRate"/>[k], buys after a click with
/// <see cref="BuyAfterClick"/>; independently of any message, a shopper buys anyway with <see cref="OrganicRate"/>
/// (the holdout's rate). Every draw comes from a generator seeded by (seed, shopper), so the same seed replays the same shoppers.
/// </summary>
public sealed record GroundTruth(double[] OpenRate, double[] ClickRate, double BuyAfterClick, double OrganicRate)
{
    public static GroundTruth Default { get; } = new([0.45, 0.35], [0.30, 0.25], 0.5, 0.06);

    /// <summary>The true incremental recovery rate of messaging: P(order | messaged) − P(order | holdout).</summary>
    public double TrueLift
    {
        get
        {
            var noMessageOrder = 1.0;
            for (var k = 0; k < OpenRate.Length; k++)
            {
                noMessageOrder *= 1 - (OpenRate[k] * ClickRate[k] * BuyAfterClick);
            }

            var treated = 1 - ((1 - OrganicRate) * noMessageOrder);
            return treated - OrganicRate;
        }
    }

    public ShopperTruth Draw(int seed, int shopper)
    {
        var random = new Random(HashCode.Combine(seed, shopper, 0x5eed));
        var opens = new bool[OpenRate.Length];
        var clicks = new bool[OpenRate.Length];
        var buys = new bool[OpenRate.Length];
        for (var k = 0; k < OpenRate.Length; k++)
        {
            opens[k] = random.NextDouble() < OpenRate[k];
            clicks[k] = opens[k] && random.NextDouble() < ClickRate[k];
            buys[k] = clicks[k] && random.NextDouble() < BuyAfterClick;
        }

        var organic = random.NextDouble() < OrganicRate;
        return new ShopperTruth(opens, clicks, buys, organic, random.NextDouble(), random.Next());
    }
}

/// <summary>One shopper's true behaviour toward each message k, and whether (and when, as a share of the run) they buy anyway.</summary>
public sealed record ShopperTruth(bool[] Opens, bool[] Clicks, bool[] BuysAfterClick, bool BuysAnyway, double BuysAnywayAt, int CartSeed);
