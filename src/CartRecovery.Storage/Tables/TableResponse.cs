using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace CartRecovery.Storage.Tables;

/// <summary>The status and headers of one Table service response, as the Azure.Core <see cref="Response"/> that a <see cref="Page{T}"/> exposes.</summary>
internal sealed class TableResponse : Response
{
    private readonly Dictionary<string, string[]> headers;

    public TableResponse(HttpResponseMessage response)
    {
        Status = (int)response.StatusCode;
        ReasonPhrase = response.ReasonPhrase ?? string.Empty;
        headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.ToArray();
        }

        ClientRequestId = headers.TryGetValue("x-ms-client-request-id", out var id) ? id[0] : string.Empty;
    }

    public override int Status { get; }

    public override string ReasonPhrase { get; }

    /// <summary>The body was consumed into the page's entities.</summary>
    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; }

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Key, string.Join(',', h.Value)));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = headers.TryGetValue(name, out var values) ? string.Join(',', values) : null;
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = headers.TryGetValue(name, out var found) ? found : null;
        return values is not null;
    }
}
