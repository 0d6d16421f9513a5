using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 standing in for an external API (email, SMS, OpenAI, Klaviyo, GA4, Shopify):
/// it records every request and answers with <see cref="Respond"/>, which tests change to script failures.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private LoopbackHttpServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <summary>Answers each request; the default is 200 with an empty JSON object.</summary>
    public Func<RecordedRequest, HttpContext, Task> Respond { get; set; } = (_, context) =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{}");
    };

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new LoopbackHttpServer(app, new Uri($"http://127.0.0.1:{port}/"));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            headers,
            buffer.ToArray());
        requests.Enqueue(recorded);
        await Respond(recorded, context);
    }
}
