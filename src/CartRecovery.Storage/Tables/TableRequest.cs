using System.Net.Http.Headers;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// What to send, kept apart from the <see cref="HttpRequestMessage"/> because every attempt needs a fresh message
/// (a message can be sent once, and the date and signature must be new).
/// </summary>
internal sealed class TableRequest(HttpMethod method, Uri uri)
{
    internal static readonly HttpMethod Merge = new("MERGE");

    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/json");

    public HttpMethod Method { get; } = method;

    public Uri Uri { get; } = uri;

    public ReadOnlyMemory<byte>? Body { get; init; }

    /// <summary>The body's media type when it is not JSON (the multipart body of a batch).</summary>
    public MediaTypeHeaderValue? ContentType { get; init; }

    public string? IfMatch { get; init; }

    public bool PreferNoContent { get; init; }

    /// <summary>The operation without its keys (which may be personal data), e.g. <c>MERGE carts</c>, for logs and error messages.</summary>
    public string Describe()
    {
        var segment = Uri.Segments[^1];
        var parenthesis = segment.IndexOf('(', StringComparison.Ordinal);
        return Method.Method + " " + (parenthesis < 0 ? segment : segment[..parenthesis]);
    }

    public HttpRequestMessage CreateMessage()
    {
        var message = new HttpRequestMessage(Method, Uri);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("x-ms-version", TableProtocol.ServiceVersion);
        headers.TryAddWithoutValidation("DataServiceVersion", TableProtocol.DataServiceVersion);
        headers.TryAddWithoutValidation("MaxDataServiceVersion", TableProtocol.DataServiceVersion);
        headers.TryAddWithoutValidation("Accept", TableProtocol.AcceptJson);
        if (IfMatch is not null)
        {
            headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        if (PreferNoContent)
        {
            headers.TryAddWithoutValidation("Prefer", "return-no-content");
        }

        if (Body is { } body)
        {
            message.Content = new ReadOnlyMemoryContent(body);
            message.Content.Headers.ContentType = ContentType ?? JsonContentType;
        }

        return message;
    }
}
