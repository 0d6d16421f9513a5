using System.Globalization;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// One pending wake-up: the workflow, when it is due, and the slot whose table holds the row (the due slot, or the slot it
/// was written in when that is later; see <see cref="TableTimers"/>). Rows are keyed by due time, so "what is due" is a range query.
/// </summary>
internal sealed record TimerRow(DateTimeOffset Slot, DateTimeOffset Due, string WorkflowId)
{
    private const string PartitionPrefix = "due-";

    /// <summary>The lowest partition key any row can have.</summary>
    public const string FirstPartition = PartitionPrefix;

    /// <summary>
    /// The due minute: one partition per minute keeps each partition small (a hot single partition limits throughput on
    /// Azure), and rows of one minute are deleted with one entity-group transaction.
    /// </summary>
    public string Partition => PartitionOf(Due);

    public string RowKey => $"{DueKey(Due)}-{WorkflowId}";

    public static string PartitionOf(DateTimeOffset due) => PartitionPrefix + due.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>The row-key prefix of a due time: rows due before <paramref name="due"/> have smaller keys.</summary>
    public static string DueKey(DateTimeOffset due) => due.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static DateTimeOffset DueOfRowKey(string rowKey) => new(long.Parse(rowKey.AsSpan(0, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);
}
