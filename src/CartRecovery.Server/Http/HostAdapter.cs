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
        long maxBodyBytes = 1024 * 1024)
    {
        var body = await ReadBodyAsync(context, maxBodyBytes);
        var response = body is null
            ? HostResponse.Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body exceeds the limit of {maxBodyBytes} bytes.")
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
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context, long maxBodyBytes)
    {
        if (context.Request.ContentLength > maxBodyBytes)
        {
            return null;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = null; // the limit below is ours, so the answer is a problem document rather than a dropped connection
        }

        using var buffer = new MemoryStream(context.Request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
