using System.Text.Json;

namespace CartRecovery.Integrations.Delivery;

/// <summary>Reads one string field of a provider's JSON answer, tolerating answers that are not JSON.</summary>
internal static class JsonFields
{
    public static string? String(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
