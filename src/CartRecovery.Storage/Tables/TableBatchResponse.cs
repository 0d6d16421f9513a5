using System.Globalization;
using System.Text;
using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// Reads the multipart answer of a transaction: one HTTP response per operation when it succeeded, or a single error
/// response whose message starts with the 0-based index of the failed operation (<c>"1:The specified entity already exists."</c>).
/// </summary>
internal static class TableBatchResponse
{
    public static async Task<IReadOnlyList<ETag>> ReadAsync(HttpResponseMessage response, int count, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var parts = Parse(text);
        if (parts.FirstOrDefault(p => p.Status is < 200 or >= 300) is { } failed)
        {
            throw ToException(failed, count);
        }

        if (parts.Count != count)
        {
            throw new RequestFailedException((int)response.StatusCode, $"The transaction's answer holds {parts.Count} responses for {count} actions.", "InvalidBatchResponse", null);
        }

        return parts.Select(p => p.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag) : default).ToArray();
    }

    /// <summary>The inner HTTP responses, in order, found between the multipart boundaries.</summary>
    internal static List<BatchPart> Parse(string body)
    {
        var parts = new List<BatchPart>();
        var position = 0;
        while ((position = body.IndexOf("\r\nHTTP/1.1 ", position, StringComparison.Ordinal)) >= 0)
        {
            position += 2;
            var lineEnd = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            var statusLine = body[position..lineEnd];
            var status = int.Parse(statusLine.AsSpan(9, 3), CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var cursor = lineEnd + 2;
            while (true)
            {
                var end = body.IndexOf("\r\n", cursor, StringComparison.Ordinal);
                if (end < 0 || end == cursor)
                {
                    cursor = end < 0 ? body.Length : end + 2;
                    break;
                }

                var colon = body.IndexOf(':', cursor, end - cursor);
                if (colon > 0)
                {
                    headers[body[cursor..colon].Trim()] = body[(colon + 1)..end].Trim();
                }

                cursor = end + 2;
            }

            var next = body.IndexOf("\r\n--", cursor, StringComparison.Ordinal);
            var content = body[cursor..(next < 0 ? body.Length : next)].Trim();
            parts.Add(new BatchPart(status, headers, content));
            position = next < 0 ? body.Length : next;
        }

        return parts;
    }

    private static TableTransactionFailedException ToException(BatchPart failed, int count)
    {
        var (code, message) = TableErrors.ParseError(Encoding.UTF8.GetBytes(failed.Content));
        var index = FailedIndex(message, count);
        if (index is null && failed.Headers.TryGetValue("Content-ID", out var contentId) && int.TryParse(contentId, CultureInfo.InvariantCulture, out var id) && id >= 1 && id <= count)
        {
            index = id - 1;
        }

        return new TableTransactionFailedException(
            failed.Status,
            $"The transaction was rolled back: action {(index?.ToString(CultureInfo.InvariantCulture) ?? "?")} failed with {failed.Status}{(code is null ? string.Empty : " " + code)}: {message ?? "no details"}",
            code,
            index);
    }

    /// <summary>The index before the first colon of the service's message, when it is one of the actions.</summary>
    internal static int? FailedIndex(string? message, int count)
    {
        var colon = message?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < count ? index : null;
    }

    internal sealed record BatchPart(int Status, IReadOnlyDictionary<string, string> Headers, string Content);
}
