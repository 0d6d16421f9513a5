using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.Server.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.Hosting;

public sealed class MerchantOpenApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_mapped_merchant_route_is_in_the_document_with_its_method()
    {
        await using var server = await ServerHost.StartAsync();
        using var document = await DocumentAsync(server);
        var paths = document.RootElement.GetProperty("paths");

        var merchantRoutes = MerchantRoutes(server).ToList();

        Assert.True(merchantRoutes.Count >= 11, $"expected the merchant routes to be mapped, found {merchantRoutes.Count}");
        foreach (var (path, method) in merchantRoutes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is not in the document");
        }

        Assert.Equal(merchantRoutes.Select(r => r.Path).Distinct().Order(StringComparer.Ordinal), paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_operation_lists_its_answers_with_refusals_as_problem_details()
    {
        await using var server = await ServerHost.StartAsync();
        using var document = await DocumentAsync(server);
        var paths = document.RootElement.GetProperty("paths");

        var get = paths.GetProperty("/api/stores/{shop}/sequences/{id}").GetProperty("get");
        var stop = paths.GetProperty("/api/stores/{shop}/sequences/{id}/stop").GetProperty("post");

        Assert.Equal("SequencesGet", get.GetProperty("operationId").GetString());
        Assert.Equal(["200", "400", "401", "403", "404"], get.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["202", "400", "401", "403", "404", "409", "413"], stop.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var status in new[] { "400", "401", "403", "404" })
        {
            Assert.True(
                get.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _),
                $"{status} is not described as a problem document");
        }

        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "shop" && p.GetProperty("in").GetString() == "path");
    }

    /// <summary>
    /// The Functions host cannot generate the document (no ASP.NET Core endpoints there), so it serves a copy of the
    /// server's, committed beside its merchant functions. This keeps the copy equal to what the server generates; run with
    /// CARTRECOVERY_WRITE_OPENAPI=1 to rewrite it after changing a merchant route.
    /// </summary>
    [Fact]
    public async Task The_Functions_host_serves_the_same_document_as_the_server()
    {
        await using var server = await ServerHost.StartAsync();
        using var document = await DocumentAsync(server);
        var generated = JsonNode.Parse(document.RootElement.GetRawText())!.AsObject();
        generated.Remove("servers"); // the server names its own address; the Functions copy leaves it to the client
        var path = Path.Combine(RepositoryRoot(), "src", "CartRecovery.Functions", "Merchant", "openapi.json");
        if (Environment.GetEnvironmentVariable("CARTRECOVERY_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, generated.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", Cancel);
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path, Cancel));

        Assert.True(JsonNode.DeepEquals(generated, committed), $"{path} differs from the server's document: rerun this test with CARTRECOVERY_WRITE_OPENAPI=1 and commit the file.");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CartRecovery.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CartRecovery.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<JsonDocument> DocumentAsync(ServerHost server)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(new Uri(MerchantOpenApi.DocumentPath, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
    }

    private static IEnumerable<(string Path, string Method)> MerchantRoutes(ServerHost server) =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/" + MerchantOpenApi.MerchantPathPrefix, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (e.RoutePattern.RawText!, m)));
}
