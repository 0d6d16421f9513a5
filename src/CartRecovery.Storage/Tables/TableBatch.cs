using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// The multipart/mixed body of an entity group transaction: one changeset of up to 100 operations on one partition,
/// each entity at most once, CRLF line endings, inner requests addressed by absolute URL. The rules are checked here,
/// before anything is sent.
/// </summary>
internal sealed class TableBatch
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    private TableBatch(ReadOnlyMemory<byte> body, MediaTypeHeaderValue contentType, int count)
    {
        Body = body;
        ContentType = contentType;
        Count = count;
    }

    public ReadOnlyMemory<byte> Body { get; }

    public MediaTypeHeaderValue ContentType { get; }

    public int Count { get; }

    public static TableBatch Create(TableClient table, IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions as IReadOnlyList<TableTransactionAction> ?? actions.ToList();
        Validate(list);

        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var buffer = new ArrayBufferWriter<byte>(512 * list.Count + 256);
        Write(buffer, $"--{batchBoundary}\r\nContent-Type: multipart/mixed; boundary={changesetBoundary}\r\n\r\n");
        for (var i = 0; i < list.Count; i++)
        {
            WriteOperation(buffer, table, list[i], changesetBoundary, i);
        }

        Write(buffer, $"--{changesetBoundary}--\r\n--{batchBoundary}--\r\n");
        if (buffer.WrittenCount > TableProtocol.MaxTransactionBytes)
        {
            throw new ArgumentException($"The transaction's body is {buffer.WrittenCount} bytes; the Table service accepts at most 4 MiB.", nameof(actions));
        }

        var contentType = new MediaTypeHeaderValue("multipart/mixed");
        contentType.Parameters.Add(new NameValueHeaderValue("boundary", batchBoundary));
        return new TableBatch(buffer.WrittenMemory, contentType, list.Count);
    }

    private static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (actions.Count > TableProtocol.MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds at most {TableProtocol.MaxTransactionActions} actions; this one has {actions.Count}.", nameof(actions));
        }

        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        var partitionKey = actions[0]?.Entity?.PartitionKey;
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i] ?? throw new ArgumentException($"Action {i} is null.", nameof(actions));
            if (action.Entity is null)
            {
                throw new ArgumentException($"Action {i} has no entity.", nameof(actions));
            }

            TableClient.ValidateEntity(action.Entity);
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Action {i} is in another partition: a transaction covers one PartitionKey.", nameof(actions));
            }

            if (!rowKeys.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"Action {i} addresses an entity that an earlier action already addresses: each entity may appear once per transaction.", nameof(actions));
            }
        }
    }

    private static void WriteOperation(ArrayBufferWriter<byte> buffer, TableClient table, TableTransactionAction action, string boundary, int index)
    {
        var entity = action.Entity;
        var (method, uri, ifMatch, hasBody) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", table.Uri.AbsoluteUri, null, true),
            TableTransactionActionType.UpdateMerge => ("MERGE", table.EntityUri(entity.PartitionKey, entity.RowKey).AbsoluteUri, IfMatch(action), true),
            TableTransactionActionType.UpdateReplace => ("PUT", table.EntityUri(entity.PartitionKey, entity.RowKey).AbsoluteUri, IfMatch(action), true),
            TableTransactionActionType.Delete => ("DELETE", table.EntityUri(entity.PartitionKey, entity.RowKey).AbsoluteUri, IfMatch(action), false),
            TableTransactionActionType.UpsertMerge => ("MERGE", table.EntityUri(entity.PartitionKey, entity.RowKey).AbsoluteUri, (string?)null, true),
            TableTransactionActionType.UpsertReplace => ("PUT", table.EntityUri(entity.PartitionKey, entity.RowKey).AbsoluteUri, (string?)null, true),
            _ => throw new ArgumentException($"Action {index} has an unknown type {action.ActionType}.", nameof(action)),
        };

        var head = new StringBuilder(256)
            .Append("--").Append(boundary).Append("\r\n")
            .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
            .Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n")
            .Append("Content-ID: ").Append(index + 1).Append("\r\n")
            .Append("Accept: ").Append(TableProtocol.AcceptJson).Append("\r\n")
            .Append("DataServiceVersion: 3.0;\r\n");
        if (hasBody)
        {
            head.Append("Content-Type: application/json\r\n");
        }

        if (action.ActionType == TableTransactionActionType.Add)
        {
            head.Append("Prefer: return-no-content\r\n");
        }

        if (ifMatch is not null)
        {
            head.Append("If-Match: ").Append(ifMatch).Append("\r\n");
        }

        head.Append("\r\n");
        Write(buffer, head.ToString());
        if (hasBody)
        {
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
            TableEntityJson.Write(writer, entity);
        }

        buffer.Write(Crlf);
    }

    private static string IfMatch(TableTransactionAction action) => action.ETag == default ? "*" : TableProtocol.IfMatchValue(action.ETag);

    private static void Write(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
