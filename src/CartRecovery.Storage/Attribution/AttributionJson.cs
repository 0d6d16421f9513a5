using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartRecovery.Storage.Attribution;

/// <summary>How attribution records are written into their JSON columns (enums by name, so a reordered enum reads the same).</summary>
internal static class AttributionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException("An attribution row holds null.");
}
