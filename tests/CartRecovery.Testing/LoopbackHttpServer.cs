using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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

    /// <summary>The self-signed certificate of an HTTPS server (<see cref="StartHttpsAsync"/>), for the client to trust.</summary>
    public X509Certificate2? Certificate { get; private init; }

    public static Task<LoopbackHttpServer> StartAsync() => StartAsync(certificate: null);

    /// <summary>
    /// Over TLS with a fresh self-signed certificate for 127.0.0.1: for clients that refuse to send credentials such as
    /// bearer tokens over plain HTTP. Trust it with <see cref="TrustingHandler"/>.
    /// </summary>
    public static Task<LoopbackHttpServer> StartHttpsAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return StartAsync(X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null));
    }

    /// <summary>An HTTP handler that trusts exactly this server's certificate (and nothing else that is not otherwise trusted).</summary>
    public HttpClientHandler TrustingHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || (Certificate is not null && certificate?.Thumbprint == Certificate.Thumbprint),
    };

    private static async Task<LoopbackHttpServer> StartAsync(X509Certificate2? certificate)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var scheme = certificate is null ? "http" : "https";
        if (certificate is null)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        }

        var app = builder.Build();
        var server = new LoopbackHttpServer(app, new Uri($"{scheme}://127.0.0.1:{port}/")) { Certificate = certificate };
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
