using CartRecovery.Core.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CartRecovery.Server.Http;

/// <summary>Maps ASP.NET Core's HTTP types onto the host-neutral handlers and back; the only HTTP code that is host-specific.</summary>
public static class HostAdapter
{
    /// <summary>Reads the raw body (at most <paramref name="maxBodyBytes"/>, else 413 without calling the handler), runs the handler, writes its answer.</summary>
    public static async Task HandleAsync(
        HttpContext context,
        Func<HostRequest, CancellationToken, Task<HostResponse>> handler,
        long maxBodyBytes = HostBody.DefaultMaxBytes)
    {
        var body = await ReadBodyAsync(context, maxBodyBytes);
        var response = body is null
            ? HostBody.TooLarge(maxBodyBytes)
            : await handler(ToHostRequest(context, body.Value), context.RequestAborted);
        await WriteAsync(context, response);
    }

    public static HostRequest ToHostRequest(HttpContext context, ReadOnlyMemory<byte> body)
    {
        var request = context.Request;
        return new HostRequest(
            request.Method,
            request.Path.Value ?? "/",
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.RouteValues.ToDictionary(r => r.Key, r => Convert.ToString(r.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.OrdinalIgnoreCase),
            body);
    }

    public static async Task WriteAsync(HttpContext context, HostResponse response)
    {
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        if (!response.Body.IsEmpty)
        {
            context.Response.ContentLength = response.Body.Length;
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    /// <summary>The body, or null when it is larger than the limit (checked against Content-Length first, then while reading).</summary>
    private static Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context, long maxBodyBytes)
    {
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = null; // the limit is ours, so the answer is a problem document rather than a dropped connection
        }

        return HostBody.ReadAsync(context.Request.Body, maxBodyBytes, context.Request.ContentLength, context.RequestAborted);
    }
}
