using System.Net;
using CartRecovery.Core.Http;
using CartRecovery.Functions.Recovery;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace CartRecovery.Functions.Http;

/// <summary>Maps the Functions worker's HTTP types onto the host-neutral handlers and back, as Server/Http/HostAdapter does for ASP.NET Core.</summary>
public static class FunctionsHttp
{
    public static async Task<HttpResponseData> HandleAsync(
        HttpRequestData request,
        IReadOnlyDictionary<string, string> route,
        Func<HostRequest, CancellationToken, Task<HostResponse>> handler,
        CancellationToken cancellationToken,
        long maxBodyBytes = HostBody.DefaultMaxBytes)
    {
        var body = await HostBody.ReadAsync(request.Body, maxBodyBytes, declaredLength: null, cancellationToken);
        var response = body is null
            ? HostBody.TooLarge(maxBodyBytes)
            : await handler(ToHostRequest(request, route, body.Value), cancellationToken);
        return await WriteAsync(request, response, cancellationToken);
    }

    /// <summary>
    /// <see cref="HandleAsync"/> for an endpoint whose handler may start or signal a recovery: the function's
    /// <c>[DurableClient]</c> binding goes into the invocation's <see cref="DurableClientHolder"/> first, because the
    /// worker hands the client to the function, not to DI.
    /// </summary>
    public static Task<HttpResponseData> HandleWithDurableClientAsync(
        DurableClientHolder durable,
        DurableTaskClient client,
        HttpRequestData request,
        IReadOnlyDictionary<string, string> route,
        Func<HostRequest, CancellationToken, Task<HostResponse>> handler,
        CancellationToken cancellationToken,
        long maxBodyBytes)
    {
        durable.Use(client);
        return HandleAsync(request, route, handler, cancellationToken, maxBodyBytes);
    }

    /// <summary>A function's route values by name, as the host-neutral handlers read them.</summary>
    public static Dictionary<string, string> Route(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);

    public static HostRequest ToHostRequest(HttpRequestData request, IReadOnlyDictionary<string, string> route, ReadOnlyMemory<byte> body) =>
        new(
            request.Method,
            request.Url.AbsolutePath,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            ParseQuery(request.Url.Query),
            new Dictionary<string, string>(route, StringComparer.OrdinalIgnoreCase),
            body);

    private static async Task<HttpResponseData> WriteAsync(HttpRequestData request, HostResponse answer, CancellationToken cancellationToken)
    {
        var response = request.CreateResponse();
        response.StatusCode = (HttpStatusCode)answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        if (answer.ContentType is not null)
        {
            response.Headers.TryAddWithoutValidation("Content-Type", answer.ContentType);
        }

        if (!answer.Body.IsEmpty)
        {
            await response.Body.WriteAsync(answer.Body, cancellationToken);
        }

        return response;
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(separator < 0 ? pair : pair[..separator]);
            var value = separator < 0 ? string.Empty : Decode(pair[(separator + 1)..]);
            values[name] = values.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }

        return values;
    }

    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));
}
