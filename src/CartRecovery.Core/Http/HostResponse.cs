using System.Text;
using System.Text.Json;

namespace CartRecovery.Core.Http;

/// <summary>What a host-neutral handler answers: status, content type, body and extra headers. Errors are RFC 9457 problem details.</summary>
public sealed record HostResponse(
    int Status,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HostResponse Empty(int status) => new(status, null, ReadOnlyMemory<byte>.Empty);

    public static HostResponse Ok<T>(T value, int status = 200) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, Json));

    public static HostResponse Text(string text, string contentType = "text/plain; charset=utf-8", int status = 200) =>
        new(status, contentType, Encoding.UTF8.GetBytes(text));

    /// <summary>An RFC 9457 problem: <paramref name="detail"/> says what was wrong, never echoing secrets or personal data.</summary>
    public static HostResponse Problem(int status, string title, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new Dictionary<string, object?>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = title,
            ["status"] = status,
        };
        if (detail is not null)
        {
            problem["detail"] = detail;
        }

        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem[key] = value;
        }

        return new(status, "application/problem+json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(problem, Json));
    }
}
