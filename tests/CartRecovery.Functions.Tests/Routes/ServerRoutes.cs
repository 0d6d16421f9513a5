using CartRecovery.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Functions.Tests.Routes;

/// <summary>The routes the self-hosted server maps, read from its endpoint data source in a test host of the real Program.</summary>
internal static class ServerRoutes
{
    public static async Task<IReadOnlyList<HttpRoute>> AllAsync()
    {
        var storage = await AzuriteServer.Shared();
        await using var server = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Storage:ConnectionString", storage);
            builder.UseSetting("Storage:TablePrefix", "r" + Guid.NewGuid().ToString("N")[..10]);
            builder.UseSetting("Shopify:ApiKey", "test-app");
            builder.UseSetting("Shopify:ApiSecrets:0", "test-secret");
        });
        _ = server.Server; // builds and starts the app, so every Map… call has run
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var routes = new List<HttpRoute>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } named ? named : ["*"];
            routes.AddRange(methods.Select(m => HttpRoute.Of(m, endpoint.RoutePattern.RawText ?? string.Empty)));
        }

        return routes;
    }
}
