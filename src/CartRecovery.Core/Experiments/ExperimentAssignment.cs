using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Core.Experiments;

/// <summary>
/// Deterministic assignment: SHA-256 of (shop, experiment, customer) read as a number in [0, 1) picks an arm by weight, so a
/// shopper sees the same arm on every cart and both engines (and any replay) assign alike.
/// </summary>
public static class ExperimentAssignment
{
    public static double Bucket(string shop, string experimentId, string customerKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{shop.ToLowerInvariant()}\n{experimentId}\n{customerKey}"));
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
    }

    public static ExperimentArm Assign(Experiment experiment, string customerKey)
    {
        if (experiment.Winner is { } winner && experiment.Arms.FirstOrDefault(a => a.Name == winner) is { } won)
        {
            return won; // after a winner, new shoppers get it
        }

        var total = experiment.Arms.Sum(a => a.Weight);
        var point = Bucket(experiment.Shop, experiment.Id, customerKey) * total;
        foreach (var arm in experiment.Arms)
        {
            if (point < arm.Weight)
            {
                return arm;
            }

            point -= arm.Weight;
        }

        return experiment.Arms[^1];
    }
}
