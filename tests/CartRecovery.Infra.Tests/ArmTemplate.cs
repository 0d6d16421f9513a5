using System.Text.Json.Nodes;

namespace CartRecovery.Infra.Tests;

/// <summary>Read access to one compiled ARM template (resources as a list, the form Bicep emits without symbolic names).</summary>
public sealed class ArmTemplate(JsonObject template)
{
    public JsonObject Json { get; } = template;

    public IEnumerable<JsonObject> AllResources => Json["resources"]!.AsArray().Select(r => r!.AsObject());

    public IReadOnlyList<JsonObject> Resources(string type) =>
        AllResources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonObject Resource(string type) => Assert.Single(Resources(type));

    public JsonObject Parameters => Json["parameters"]!.AsObject();

    public JsonObject Outputs => Json["outputs"]!.AsObject();

    public JsonObject Variables => Json["variables"]?.AsObject() ?? [];

    /// <summary>The ARM expression that names a resource, as other expressions use it in <c>resourceId(…)</c>.</summary>
    public static string NameExpression(JsonObject resource)
    {
        var name = (string)resource["name"]!;
        return name.StartsWith('[') ? name[1..^1] : $"'{name}'";
    }
}
