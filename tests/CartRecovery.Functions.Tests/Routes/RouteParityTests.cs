using System.Text.Json;

namespace CartRecovery.Functions.Tests.Routes;

/// <summary>
/// The two hosts answer the same URLs: every route the server maps exists on the Functions host with the same method and
/// template, and the reverse, so a route added to one host alone fails here.
/// </summary>
public sealed class RouteParityTests
{
    [Fact]
    public async Task Every_server_route_is_a_function_with_the_same_method_and_route_and_the_reverse()
    {
        var server = (await ServerRoutes.AllAsync()).ToHashSet();
        var functions = FunctionsRoutes.All().Select(f => f.Route).ToHashSet();

        Assert.NotEmpty(server);
        Assert.Empty(server.Except(functions).Select(r => $"only on the server: {r}"));
        Assert.Empty(functions.Except(server).Select(r => $"only on the Functions host: {r}"));
    }

    [Fact]
    public void No_two_functions_share_a_method_and_route()
    {
        var duplicates = FunctionsRoutes.All().GroupBy(f => f.Route).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => f.Function))}");
        Assert.Empty(duplicates);
    }

    /// <summary>
    /// The Worker SDK writes functions.metadata at build time (what the Functions host loads); it must list every function
    /// and the same HTTP triggers the attributes declare, so the host sees what this suite checks.
    /// </summary>
    [Fact]
    public void The_generated_function_metadata_lists_every_function_and_its_http_trigger()
    {
        var metadataPath = GeneratedMetadataPath();
        using var metadata = JsonDocument.Parse(File.ReadAllText(metadataPath));
        var generated = metadata.RootElement.EnumerateArray().ToList();
        var prefix = FunctionsRoutes.RoutePrefix();

        var generatedRoutes = generated
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
                .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => (
                    Function: f.GetProperty("name").GetString()!,
                    Route: HttpRoute.Of(m.GetString()!, $"{prefix}/{b.GetProperty("route").GetString()}")))))
            .ToHashSet();

        Assert.Equal(FunctionsRoutes.All().ToHashSet(), generatedRoutes);
        Assert.Contains(generated, f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "orchestrationTrigger"));
        Assert.Contains(generated, f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "activityTrigger"));
    }

    /// <summary>The Functions project's own build output, in the configuration this test was built in.</summary>
    private static string GeneratedMetadataPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var path = Path.Combine(CartRecovery.Testing.RepoPaths.Root, "src", "CartRecovery.Functions", "bin", configuration, framework, "functions.metadata");
        Assert.True(File.Exists(path), $"The Worker SDK wrote no {path}: is CartRecovery.Functions built with Microsoft.Azure.Functions.Worker.Sdk?");
        return path;
    }
}
