using System.Text.Json.Nodes;

namespace CartRecovery.Testing;

/// <summary>Shopify webhook payloads written from Shopify's documented schema (tests/CartRecovery.Testing/Fixtures/Shopify).</summary>
public static class ShopifyFixtures
{
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "tests", "CartRecovery.Testing", "Fixtures", "Shopify");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name + ".json"));

    /// <summary>A fresh mutable copy, so a test can change tokens and timestamps without affecting others.</summary>
    public static JsonObject Node(string name) => JsonNode.Parse(Text(name))!.AsObject();
}
