using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CartRecovery.Testing;
using YamlDotNet.RepresentationModel;

namespace CartRecovery.Infra.Tests;

/// <summary>What <c>azd up</c> reads: azure.yaml's services and infra module, main.parameters.json, and the template's outputs.</summary>
public sealed partial class AzdContractTests(CompiledInfra infra) : IClassFixture<CompiledInfra>
{
    private static YamlMappingNode AzureYaml { get; } = LoadAzureYaml();

    [Fact]
    public void Azure_yaml_points_at_the_bicep_module_and_an_existing_functions_project()
    {
        var infraSection = (YamlMappingNode)AzureYaml["infra"];
        Assert.Equal("bicep", infraSection["provider"].ToString());
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, infraSection["path"].ToString(), infraSection["module"] + ".bicep")));

        foreach (var (name, service) in Services())
        {
            Assert.Equal("function", service["host"].ToString());
            var project = Path.Combine(RepoPaths.Root, service["project"].ToString());
            Assert.True(Directory.Exists(project), $"service {name}: {project} does not exist");
            Assert.NotEmpty(Directory.GetFiles(project, "*.csproj"));
        }
    }

    [Fact]
    public void Every_service_is_a_tagged_function_app_with_the_outputs_azd_writes_to_its_environment()
    {
        var outputs = infra.Main.Outputs;
        foreach (var required in new[] { "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_KEY_VAULT_NAME", "AZURE_KEY_VAULT_ENDPOINT" })
        {
            Assert.True(outputs.ContainsKey(required), $"output {required} is missing");
        }

        foreach (var (name, _) in Services())
        {
            // azd finds the service's resource by this tag, then deploys the package to it.
            var site = Assert.Single(infra.App.Resources("Microsoft.Web/sites"), s => ((string?)s["tags"] ?? string.Empty).Contains($"'azd-service-name', '{name}'", StringComparison.Ordinal));
            Assert.NotNull(site);
            Assert.Contains("functionAppName", (string)outputs[$"SERVICE_{name.ToUpperInvariant()}_NAME"]!["value"]!);
            Assert.Contains("functionAppUri", (string)outputs[$"SERVICE_{name.ToUpperInvariant()}_URI"]!["value"]!);
        }

        var group = infra.Main.Resource("Microsoft.Resources/resourceGroups");
        Assert.Contains("azd-env-name", (string)infra.Main.Json["variables"]!["tags"]!.ToJsonString());
        Assert.Equal("[variables('tags')]", (string?)group["tags"]);
        Assert.Equal((string?)group["name"], "[" + ((string)outputs["AZURE_RESOURCE_GROUP"]!["value"]!)[1..^1] + "]");
    }

    [Fact]
    public void The_parameters_file_fills_every_required_parameter_from_the_azd_environment()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var parameters = infra.Main.Parameters;

        Assert.Empty(file.Select(p => p.Key).Except(parameters.Select(p => p.Key)));
        Assert.Empty(parameters.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).Except(file.Select(p => p.Key)));

        var variables = file.Select(p => EnvironmentReference().Match((string)p.Value!["value"]!)).ToList();
        Assert.All(variables, v => Assert.True(v.Success));

        // The ones azd does not set itself are the user's to set before `azd up`: the README must name them.
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        foreach (var variable in variables.Select(v => v.Groups[1].Value).Where(v => !v.StartsWith("AZURE_", StringComparison.Ordinal)))
        {
            Assert.Contains(variable, readme);
        }
    }

    private static IEnumerable<(string Name, YamlMappingNode Service)> Services() =>
        ((YamlMappingNode)AzureYaml["services"]).Children.Select(c => (c.Key.ToString(), (YamlMappingNode)c.Value));

    private static YamlMappingNode LoadAzureYaml()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "azure.yaml")));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^\$\{([A-Z_][A-Z0-9_]*)\}$")]
    private static partial Regex EnvironmentReference();
}
