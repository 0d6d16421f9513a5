using System.Globalization;
using System.Text.Json;

namespace CartRecovery.Integrations.Email;

/// <summary>The parts of a Resend webhook event we act on: <c>type</c>, <c>created_at</c>, <c>data.email_id</c>, <c>data.to[0]</c>, <c>data.bounce.type</c>.</summary>
public sealed record ResendEvent(string Type, string EmailId, DateTimeOffset? CreatedAt, string? To, string? BounceType)
{
    /// <summary>The event, or null when a required field is missing; throws <see cref="JsonException"/> when the body is not JSON.</summary>
    public static ResendEvent? Parse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || String(root, "type") is not { } type
            || !root.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Object
            || String(data, "email_id") is not { } emailId)
        {
            return null;
        }

        var createdAt = String(root, "created_at") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        var to = data.TryGetProperty("to", out var recipients) && recipients.ValueKind == JsonValueKind.Array && recipients.GetArrayLength() > 0 && recipients[0].ValueKind == JsonValueKind.String
            ? recipients[0].GetString()
            : null;
        var bounceType = data.TryGetProperty("bounce", out var bounce) && bounce.ValueKind == JsonValueKind.Object ? String(bounce, "type") : null;
        return new ResendEvent(type, emailId, createdAt, to, bounceType);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
