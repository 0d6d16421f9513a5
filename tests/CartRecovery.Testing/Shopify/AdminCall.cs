using System.Text.Json;

namespace CartRecovery.Testing.Shopify;

/// <summary>A GraphQL call the fake Admin accepted: the shop, the token header, the query text and its variables.</summary>
public sealed record AdminCall(string Shop, string AccessToken, string Query, JsonElement Variables)
{
    public string? Variable(string name) =>
        Variables.ValueKind == JsonValueKind.Object && Variables.TryGetProperty(name, out var value) ? value.ToString() : null;
}
