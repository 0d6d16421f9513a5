using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// Which inbox partition a shop's deliveries go to. All of a shop's deliveries share one, so one worker processes them in
/// arrival order, and concurrent deliveries of one partition can be committed in one entity group transaction.
/// </summary>
public static class InboxPartitions
{
    public static string For(string shop, int partitions)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(shop.ToLowerInvariant()));
        var index = (int)(BitConverter.ToUInt32(hash, 0) % (uint)Math.Max(1, partitions));
        return Name(index);
    }

    public static string Name(int index) => "p" + index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<string> All(int partitions) => Enumerable.Range(0, Math.Max(1, partitions)).Select(Name);
}
