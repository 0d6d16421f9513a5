using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartRecovery.Core.Shopify.Payloads;

/// <summary>How Shopify's REST-style webhook payloads are read: snake_case names, money as strings ("19.99"), unknown fields ignored.</summary>
public static class ShopifyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };
}
