using Azure.Data.Tables;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Messages;

/// <summary>
/// The message store's part in privacy requests. A customer is found by recipient (email or phone as sent) or customer key;
/// erasure removes the recipient, the customer key and the rendered content, and keeps the non-personal facts (channel,
/// step, status, events) that analytics count.
/// </summary>
public sealed class MessagePersonalData(TableMessages store, StorageTables tables, TimeProvider timeProvider) : IPersonalDataHolder
{
    public string Name => "messages";

    public async Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var rows = await FindAsync(shop, customer, cancellationToken);
        return rows.Select(MessageEntities.ToRecord).Cast<object>().ToList();
    }

    public async Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var table = await store.Messages(cancellationToken);
        foreach (var entity in await FindAsync(shop, customer, cancellationToken))
        {
            MessageEntities.RemoveContent(entity);
            entity.Remove("Recipient");
            entity.Remove("CustomerKey");
            entity.Remove("PopupStep"); // a pending popup keeps its step, whose cart snapshot names the customer
            entity["Erased"] = true;
            MessageEntities.AddEvent(entity, new MessageEventEntry("Erased", timeProvider.GetUtcNow()));
            await table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await store.Messages(cancellationToken);
        var rows = await table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {shop}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        foreach (var batch in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e)), cancellationToken);
        }

        var index = await tables.GetAsync(TableMessages.ProviderIndexTableName, cancellationToken);
        await foreach (var row in index.QueryAsync(TableClient.CreateQueryFilter($"Shop eq {shop}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await index.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        }
    }

    private async Task<IReadOnlyList<TableEntity>> FindAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var matches = new List<string>();
        if (!string.IsNullOrWhiteSpace(customer.Email))
        {
            var email = customer.Email.Trim().ToLowerInvariant();
            matches.Add(TableClient.CreateQueryFilter($"Recipient eq {email}"));
            matches.Add(TableClient.CreateQueryFilter($"CustomerKey eq {CustomerKey.From(null, email)}"));
        }

        if (!string.IsNullOrWhiteSpace(customer.Phone))
        {
            matches.Add(TableClient.CreateQueryFilter($"Recipient eq {PhoneNumbers.ToE164(customer.Phone) ?? customer.Phone.Trim()}"));
        }

        if (customer.Id is { } id)
        {
            matches.Add(TableClient.CreateQueryFilter($"CustomerKey eq {CustomerKey.From(id, null)}"));
        }

        if (matches.Count == 0)
        {
            return [];
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {shop} and RowKey ge {MessageKeys.MessagePrefix} and RowKey lt {"m."}")
            + " and (" + string.Join(" or ", matches) + ")";
        var table = await store.Messages(cancellationToken);
        return await table.QueryAsync(filter, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
    }
}
