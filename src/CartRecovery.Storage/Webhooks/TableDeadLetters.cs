using Azure.Data.Tables;
using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Tables;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Webhooks;

/// <summary>Dead letters are the <c>x|…</c> rows of the inbox, in the shop's partition (bodies are kept there but not listed).</summary>
public sealed class TableDeadLetters(StorageTables tables, IOptions<WebhookOptions> options) : IDeadLetters
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string shop, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        var partition = InboxPartitions.For(shop, options.Value.Partitions);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {InboxRows.Dead} and RowKey lt {"x}"} and Shop eq {shop}");
        var list = new List<DeadLetter>();
        string[] columns = ["WebhookId", "Topic", "EventId", "ReceivedAt", "TriggeredAt", "Attempts", "DeadLetteredAt"];
        await foreach (var row in table.QueryAsync(filter, maxPerPage: Math.Min(max, 1000), select: columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DeadLetter(
                row.GetString("WebhookId") ?? row.RowKey[InboxRows.Dead.Length..],
                row.GetString("Topic") ?? "unknown",
                row.GetString("EventId"),
                row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
                row.GetDateTimeOffset("TriggeredAt"),
                InboxRows.Attempts(row),
                row.GetDateTimeOffset("DeadLetteredAt")));
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }
}
