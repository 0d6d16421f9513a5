using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Messages;

/// <summary>
/// The record of every message (table <c>Messages</c>, one partition per shop) and the index from provider message ids to
/// messages (table <c>MessageProviderIds</c>) that provider webhooks resolve through. A message row is created together with
/// its idempotency-key row in one transaction, so a step's key names exactly one message however often the step runs.
/// </summary>
public sealed class TableMessages(StorageTables tables, TimeProvider timeProvider) : IMessageRecords, IMessageEvents, IPopupMessages, IMessageLog
{
    public const string TableName = "Messages";
    public const string ProviderIndexTableName = "MessageProviderIds";
    private const int MaxWriteAttempts = 8;

    /// <summary>The message a step's idempotency key names, or null when the step has not run yet.</summary>
    public async Task<MessageRecord?> FindByKeyAsync(string shop, string idempotencyKey, CancellationToken cancellationToken)
    {
        var table = await Messages(cancellationToken);
        var pointer = await table.GetEntityIfExistsAsync(shop, MessageKeys.KeyRow(idempotencyKey), cancellationToken: cancellationToken);
        return pointer?.GetString("MessageId") is { } messageId ? await GetAsync(shop, messageId, cancellationToken) : null;
    }

    /// <summary>
    /// Records a new message for a step, or returns the one already recorded for its idempotency key (Created is then false).
    /// </summary>
    public async Task<(MessageRecord Record, bool Created)> CreateAsync(MessageDraft draft, MessageStatus status, string? reason, CancellationToken cancellationToken)
    {
        var table = await Messages(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var messageId = MessageKeys.NewMessageId(now, draft.IdempotencyKey);
        var message = MessageEntities.New(draft, messageId, status, reason, now);
        var pointer = new TableEntity(draft.Shop, MessageKeys.KeyRow(draft.IdempotencyKey)) { ["MessageId"] = messageId };
        try
        {
            await table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, pointer), new TableTransactionAction(TableTransactionActionType.Add, message)],
                cancellationToken);
            return (MessageEntities.ToRecord(message), true);
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            var existing = await FindByKeyAsync(draft.Shop, draft.IdempotencyKey, cancellationToken);
            return (existing ?? throw new InvalidOperationException("The idempotency key is taken but names no message."), false);
        }
    }

    /// <summary>Stores the rendered message (what the customer sees) on the record.</summary>
    public Task<MessageRecord> SaveContentAsync(string shop, string messageId, RenderedMessage content, CancellationToken cancellationToken) =>
        UpdateAsync(shop, messageId, entity => MessageEntities.SetContent(entity, content), cancellationToken);

    /// <summary>A provider accepted the message: records its id and indexes it for the provider's webhooks.</summary>
    public async Task<MessageRecord> MarkSentAsync(string shop, string messageId, string provider, string providerMessageId, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(ProviderIndexTableName, cancellationToken);
        await index.UpsertEntityAsync(
            new TableEntity(provider, MessageKeys.ProviderRow(providerMessageId)) { ["Shop"] = shop, ["MessageId"] = messageId },
            TableUpdateMode.Replace,
            cancellationToken);
        return await Transition(shop, messageId, MessageStatus.Sent, null, entity =>
        {
            entity["Provider"] = provider;
            entity["ProviderMessageId"] = providerMessageId;
        }, cancellationToken);
    }

    /// <summary>
    /// A popup message is ready for the storefront: recorded as pending display with its step (the popup is composed when
    /// the shopper returns), and indexed by the cart token.
    /// </summary>
    public async Task<MessageRecord> MarkPendingDisplayAsync(string shop, string messageId, StepRequest step, CancellationToken cancellationToken)
    {
        var cartToken = step.Cart.CartToken ?? throw new ArgumentException("A popup needs the cart token the storefront knows.", nameof(step));
        var record = await Transition(shop, messageId, MessageStatus.PendingDisplay, null, entity =>
        {
            entity["Provider"] = "popup";
            entity["PopupStep"] = PopupSteps.Serialize(step);
        }, cancellationToken);
        var table = await Messages(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(shop, MessageKeys.PopupRow(cartToken)) { ["MessageId"] = messageId }, TableUpdateMode.Replace, cancellationToken);
        return record;
    }

    public Task<MessageRecord> MarkSkippedAsync(string shop, string messageId, string reason, CancellationToken cancellationToken) =>
        Transition(shop, messageId, MessageStatus.Skipped, reason, _ => { }, cancellationToken);

    public Task<MessageRecord> MarkFailedAsync(string shop, string messageId, string provider, string reason, CancellationToken cancellationToken) =>
        Transition(shop, messageId, MessageStatus.Failed, reason, entity => entity["Provider"] = provider, cancellationToken);

    /// <summary>A send attempt failed transiently: counted, and the reason kept; the message stays <see cref="MessageStatus.Sending"/>.</summary>
    public Task<MessageRecord> RecordAttemptFailureAsync(string shop, string messageId, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(shop, messageId, entity =>
        {
            entity["Attempts"] = (entity.GetInt32("Attempts") ?? 0) + 1;
            entity["Reason"] = reason;
            MessageEntities.AddEvent(entity, new MessageEventEntry("AttemptFailed", timeProvider.GetUtcNow()));
        }, cancellationToken);

    /// <summary>Resolves a provider's message id (from a webhook) to the shop and message it belongs to.</summary>
    public async Task<(string Shop, string MessageId)?> FindByProviderIdAsync(string provider, string providerMessageId, CancellationToken cancellationToken)
    {
        var index = await tables.GetAsync(ProviderIndexTableName, cancellationToken);
        var row = await index.GetEntityIfExistsAsync(provider, MessageKeys.ProviderRow(providerMessageId), cancellationToken: cancellationToken);
        return row?.GetString("Shop") is { } shop && row.GetString("MessageId") is { } messageId ? (shop, messageId) : null;
    }

    public async Task<bool> RecordAsync(string shop, string messageId, MessageEventKind kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!MessageKeys.IsValidMessageId(messageId))
        {
            return false;
        }

        var updated = await TryUpdateAsync(shop, messageId, entity =>
        {
            var entry = new MessageEventEntry(kind.ToString(), at);
            if (MessageEntities.EventsOf(entity).Contains(entry))
            {
                return; // the same report again (a webhook redelivered): recorded once
            }

            MessageEntities.AddEvent(entity, entry);
            if (kind == MessageEventKind.Shown)
            {
                entity["LastShownAt"] = at;
                if (entity.GetString("Status") == nameof(MessageStatus.PendingDisplay))
                {
                    entity["Status"] = nameof(MessageStatus.Displayed);
                }
            }
            else if (kind == MessageEventKind.Dismissed)
            {
                entity["LastDismissedAt"] = at;
            }
        }, cancellationToken);
        return updated is not null;
    }

    public async Task<PendingPopup?> FindPendingAsync(string shop, string cartToken, CancellationToken cancellationToken)
    {
        var table = await Messages(cancellationToken);
        var pointer = await table.GetEntityIfExistsAsync(shop, MessageKeys.PopupRow(cartToken), cancellationToken: cancellationToken);
        if (pointer?.GetString("MessageId") is not { } messageId)
        {
            return null;
        }

        var entity = await table.GetEntityIfExistsAsync(shop, MessageKeys.MessageRow(messageId), cancellationToken: cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var record = MessageEntities.ToRecord(entity);
        return record is { Status: MessageStatus.PendingDisplay or MessageStatus.Displayed, Erased: false }
               && !record.Events.Any(e => e.Kind == nameof(MessageEventKind.Clicked))
               && entity.GetBinary("PopupStep") is { } step
            ? new PendingPopup(record.MessageId, PopupSteps.Deserialize(step))
            : null;
    }

    public async Task<MessagePage> ListAsync(MessageQuery query, CancellationToken cancellationToken)
    {
        var table = await Messages(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {query.Shop} and RowKey ge {MessageKeys.MessagePrefix} and RowKey lt {"m."}");
        if (query.Channel is { } channel)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Channel eq {channel.ToString()}");
        }

        if (query.Status is { } status)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }

        // A filtered query may return an empty page that still has a continuation: keep reading until a page has rows or the end.
        var scope = "messages|" + query.Shop + "|" + query.Channel + "|" + query.Status;
        var resumeFrom = PageTokens.Unwrap(scope, query.ContinuationToken);
        try
        {
            await foreach (var page in table.QueryAsync(filter, query.PageSize, MessageEntities.ListColumns, cancellationToken).AsPages(resumeFrom, query.PageSize).WithCancellation(cancellationToken))
            {
                if (page.Values.Count > 0 || page.ContinuationToken is null)
                {
                    return new MessagePage(page.Values.Select(MessageEntities.ToRecord).ToList(), PageTokens.Wrap(scope, page.ContinuationToken));
                }
            }
        }
        catch (RequestFailedException refused) when (refused.Status is 400 or 414 or 431 && query.ContinuationToken is not null)
        {
            throw new ArgumentException("The continuation token is not valid.", nameof(query), refused);
        }

        return new MessagePage([], null);
    }

    public async Task<MessageRecord?> GetAsync(string shop, string messageId, CancellationToken cancellationToken)
    {
        if (!MessageKeys.IsValidMessageId(messageId))
        {
            return null;
        }

        var table = await Messages(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(shop, MessageKeys.MessageRow(messageId), cancellationToken: cancellationToken);
        return entity is null ? null : MessageEntities.ToRecord(entity);
    }

    internal Task<TableClient> Messages(CancellationToken cancellationToken) => tables.GetAsync(TableName, cancellationToken);

    private Task<MessageRecord> Transition(string shop, string messageId, MessageStatus status, string? reason, Action<TableEntity> more, CancellationToken cancellationToken) =>
        UpdateAsync(shop, messageId, entity =>
        {
            entity["Status"] = status.ToString();
            entity["Reason"] = reason;
            more(entity);
            MessageEntities.AddEvent(entity, new MessageEventEntry(status.ToString(), timeProvider.GetUtcNow()));
        }, cancellationToken);

    private async Task<MessageRecord> UpdateAsync(string shop, string messageId, Action<TableEntity> change, CancellationToken cancellationToken) =>
        await TryUpdateAsync(shop, messageId, change, cancellationToken)
        ?? throw new InvalidOperationException($"Message {messageId} of {shop} does not exist.");

    /// <summary>Read, change, write back under the ETag read; a lost race re-reads and re-applies. Null when the message does not exist.</summary>
    private async Task<MessageRecord?> TryUpdateAsync(string shop, string messageId, Action<TableEntity> change, CancellationToken cancellationToken)
    {
        var table = await Messages(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var entity = await table.GetEntityIfExistsAsync(shop, MessageKeys.MessageRow(messageId), cancellationToken: cancellationToken);
            if (entity is null)
            {
                return null;
            }

            change(entity);
            entity["UpdatedAt"] = timeProvider.GetUtcNow();
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return MessageEntities.ToRecord(entity);
            }
            catch (RequestFailedException e) when (e.IsLostRace() && attempt < MaxWriteAttempts)
            {
            }
        }
    }
}
