using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartRecovery.Core.Shopify.Payloads;

/// <summary>A line item's image comes as a URL string in some payloads and as an object with <c>src</c> in others.</summary>
public sealed class ShopifyImageConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject:
                using (var image = JsonDocument.ParseValue(ref reader))
                {
                    return image.RootElement.TryGetProperty("src", out var src) && src.ValueKind == JsonValueKind.String ? src.GetString() : null;
                }

            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
