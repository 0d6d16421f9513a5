using System.Text.Json;
using Azure.Data.Tables;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Messages;

/// <summary>
/// Maps a message row to and from <see cref="MessageRecord"/>. The rendered content lives in <c>C_*</c> properties; long
/// strings (HTML) are split into parts below the service's 32K-character property limit. Events are a JSON array.
/// </summary>
internal static class MessageEntities
{
    public const string ContentPrefix = "C_";
    private const int PartLength = 30_000;
    private const int MaxEvents = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The columns a list needs: everything but the HTML parts.</summary>
    public static readonly string[] ListColumns =
    [
        "PartitionKey", "RowKey", "WorkflowId", "StepId", "StepIndex", "Channel", "Intent", "IdempotencyKey", "Status", "Recipient",
        "CustomerKey", "CartToken", "Provider", "ProviderMessageId", "Reason", "Attempts", "CreatedAt", "UpdatedAt", "Events", "Erased",
        "C_Locale", "C_Subject", "C_Preheader", "C_TextParts", "C_Text0", "C_Title", "C_ActionUrl", "C_Headers", "C_CopySource", "C_FallbackReason",
    ];

    public static TableEntity New(MessageDraft draft, string messageId, MessageStatus status, string? reason, DateTimeOffset now)
    {
        var entity = new TableEntity(draft.Shop, MessageKeys.MessageRow(messageId))
        {
            ["WorkflowId"] = draft.WorkflowId,
            ["StepId"] = draft.StepId,
            ["StepIndex"] = draft.StepIndex,
            ["Channel"] = draft.Channel.ToString(),
            ["Intent"] = draft.Intent.ToString(),
            ["IdempotencyKey"] = draft.IdempotencyKey,
            ["Status"] = status.ToString(),
            ["Recipient"] = draft.Recipient,
            ["CustomerKey"] = draft.CustomerKey,
            ["CartToken"] = draft.CartToken,
            ["Reason"] = reason,
            ["Attempts"] = 0,
            ["CreatedAt"] = now,
            ["UpdatedAt"] = now,
            ["Erased"] = false,
        };
        SetEvents(entity, [new MessageEventEntry(status.ToString(), now)]);
        return entity;
    }

    public static MessageRecord ToRecord(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey[MessageKeys.MessagePrefix.Length..],
        entity.GetString("WorkflowId") ?? string.Empty,
        entity.GetString("StepId") ?? string.Empty,
        entity.GetInt32("StepIndex") ?? 0,
        Enum.Parse<Channel>(entity.GetString("Channel")!),
        Enum.Parse<MessageIntent>(entity.GetString("Intent")!),
        entity.GetString("IdempotencyKey") ?? string.Empty,
        Enum.Parse<MessageStatus>(entity.GetString("Status")!),
        entity.GetString("Recipient"),
        entity.GetString("CustomerKey"),
        entity.GetString("CartToken"),
        ContentOf(entity),
        entity.GetString("Provider"),
        entity.GetString("ProviderMessageId"),
        entity.GetString("Reason"),
        entity.GetInt32("Attempts") ?? 0,
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        EventsOf(entity),
        entity.GetBoolean("Erased") ?? false);

    public static void SetContent(TableEntity entity, RenderedMessage content)
    {
        RemoveContent(entity);
        entity["C_Locale"] = content.Locale;
        entity["C_Subject"] = content.Subject;
        entity["C_Preheader"] = content.Preheader;
        entity["C_Title"] = content.Title;
        entity["C_ActionUrl"] = content.ActionUrl;
        entity["C_Headers"] = JsonSerializer.Serialize(content.Headers, Json);
        entity["C_CopySource"] = content.CopySource;
        entity["C_FallbackReason"] = content.FallbackReason;
        SetParts(entity, "C_Text", content.Text);
        if (content.Html is not null)
        {
            SetParts(entity, "C_Html", content.Html);
        }
    }

    public static void RemoveContent(TableEntity entity)
    {
        foreach (var key in entity.Keys.Where(k => k.StartsWith(ContentPrefix, StringComparison.Ordinal)).ToList())
        {
            entity.Remove(key);
        }
    }

    public static IReadOnlyList<MessageEventEntry> EventsOf(TableEntity entity) =>
        entity.GetString("Events") is { } json ? JsonSerializer.Deserialize<List<MessageEventEntry>>(json, Json) ?? [] : [];

    /// <summary>Appends an event; past the cap the oldest engagement events give way, so a row never outgrows its limits.</summary>
    public static void AddEvent(TableEntity entity, MessageEventEntry entry)
    {
        var events = EventsOf(entity).ToList();
        events.Add(entry);
        if (events.Count > MaxEvents)
        {
            events.RemoveAt(1); // keep the first (creation) event
        }

        SetEvents(entity, events);
    }

    private static void SetEvents(TableEntity entity, IReadOnlyList<MessageEventEntry> events) =>
        entity["Events"] = JsonSerializer.Serialize(events, Json);

    private static RenderedMessage? ContentOf(TableEntity entity)
    {
        if (entity.GetString("C_ActionUrl") is not { } actionUrl)
        {
            return null;
        }

        var headers = entity.GetString("C_Headers") is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? []
            : [];
        return new RenderedMessage(
            Enum.Parse<Channel>(entity.GetString("Channel")!),
            entity.GetString("C_Locale") ?? "en",
            entity.GetString("C_Subject"),
            entity.GetString("C_Preheader"),
            GetParts(entity, "C_Html"),
            GetParts(entity, "C_Text") ?? string.Empty,
            entity.GetString("C_Title"),
            actionUrl,
            headers,
            entity.GetString("C_CopySource") ?? "template",
            entity.GetString("C_FallbackReason"));
    }

    private static void SetParts(TableEntity entity, string name, string value)
    {
        var parts = value.Chunk(PartLength).Select(chars => new string(chars)).ToList();
        entity[name + "Parts"] = parts.Count;
        for (var i = 0; i < parts.Count; i++)
        {
            entity[name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = parts[i];
        }
    }

    private static string? GetParts(TableEntity entity, string name)
    {
        if (entity.GetInt32(name + "Parts") is not { } count)
        {
            return null;
        }

        var parts = Enumerable.Range(0, count).Select(i => entity.GetString(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return parts.Any(p => p is null) ? null : string.Concat(parts); // a partial read (list columns) has no HTML
    }
}
