using System.Net;
using System.Text.Json;
using CartRecovery.Testing;

namespace CartRecovery.Server.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthy_storage_answers_200()
    {
        await using var server = await ServerHost.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("storage", body.RootElement.GetProperty("checks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Storage_down_answers_503_with_the_reason_as_problem_details()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var server = await ServerHost.StartAsync(storageConnectionString: azurite.ConnectionString);
        using var client = server.CreateClient();
        await azurite.StopAsync();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("storage: ", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(body.RootElement.GetProperty("checks")[0].GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Unknown_route_is_a_problem_document()
    {
        await using var server = await ServerHost.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
