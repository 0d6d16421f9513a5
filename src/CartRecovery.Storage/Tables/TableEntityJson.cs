using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// An entity as OData v3 JSON. Types JSON cannot carry travel as strings with an <c>@odata.type</c> annotation
/// (Int64, DateTime, Guid, Binary), and whole-number doubles are annotated so they do not come back as Int32.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static ReadOnlyMemory<byte> Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            Write(writer, entity);
        }

        return buffer.WrittenMemory;
    }

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity)
        {
            if (value is null || name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue; // null is "absent" in the Table service; keys and system properties are written from the entity's own members
            }

            ValidatePropertyName(name);
            WriteProperty(writer, name, value);
        }

        writer.WriteEndObject();
    }

    public static TableEntity Read(JsonElement element)
    {
        var entity = new TableEntity();
        Dictionary<string, string>? types = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                (types ??= new Dictionary<string, string>(StringComparer.Ordinal))[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            switch (name)
            {
                case "PartitionKey":
                    entity.PartitionKey = property.Value.GetString() ?? string.Empty;
                    continue;
                case "RowKey":
                    entity.RowKey = property.Value.GetString() ?? string.Empty;
                    continue;
                case "Timestamp":
                    entity.Timestamp = ParseDateTime(property.Value.GetString()!);
                    continue;
                case "odata.etag":
                    entity.ETag = new ETag(property.Value.GetString() ?? string.Empty);
                    continue;
            }

            if (name.Contains('@', StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal) || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            entity[name] = ReadValue(name, property.Value, types is not null && types.TryGetValue(name, out var type) ? type : null);
        }

        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                Annotate(writer, name, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                WriteDouble(writer, name, d);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case DateTimeOffset dto:
                Annotate(writer, name, "Edm.DateTime");
                writer.WriteString(name, dto.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture));
                break;
            case DateTime dt:
                Annotate(writer, name, "Edm.DateTime");
                writer.WriteString(name, ToUtc(dt).ToString(DateTimeFormat, CultureInfo.InvariantCulture));
                break;
            case Guid g:
                Annotate(writer, name, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                Annotate(writer, name, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            case BinaryData data:
                Annotate(writer, name, "Edm.Binary");
                writer.WriteBase64String(name, data.ToMemory().Span);
                break;
            default:
                throw new ArgumentException(
                    $"Property '{name}' holds a {value.GetType().Name}; the Table service stores string, int, long, double, bool, DateTimeOffset, Guid and byte[].");
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, string name, double value)
    {
        if (!double.IsFinite(value))
        {
            Annotate(writer, name, "Edm.Double");
            writer.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            return;
        }

        // A whole number is written without a decimal point, which the service would read as Int32.
        if (Math.Floor(value) == value)
        {
            Annotate(writer, name, "Edm.Double");
        }

        writer.WriteNumber(name, value);
    }

    private static void Annotate(Utf8JsonWriter writer, string name, string type) => writer.WriteString(name + TypeSuffix, type);

    private static object? ReadValue(string name, JsonElement value, string? type)
    {
        try
        {
            return type switch
            {
                null => Infer(value),
                "Edm.String" => value.GetString(),
                "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
                "Edm.Int64" => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64(),
                "Edm.Double" => ReadDouble(value),
                "Edm.Boolean" => value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean(),
                "Edm.DateTime" => ParseDateTime(value.GetString()!),
                "Edm.Guid" => Guid.Parse(value.GetString()!),
                "Edm.Binary" => value.GetBytesFromBase64(),
                _ => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new InvalidOperationException($"Property '{name}' is not a valid {type}.", e);
        }
    }

    private static object? Infer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => InferNumber(value),
        _ => value.GetRawText(),
    };

    private static object InferNumber(JsonElement value)
    {
        var raw = value.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            if (value.TryGetInt32(out var i))
            {
                return i;
            }

            if (value.TryGetInt64(out var l))
            {
                return l;
            }
        }

        return value.GetDouble();
    }

    private static double ReadDouble(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        return value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" or "INF" => double.PositiveInfinity,
            "-Infinity" or "-INF" => double.NegativeInfinity,
            var s => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    internal static DateTimeOffset ParseDateTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    internal static string FormatDateTime(DateTimeOffset value) => value.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc), // unspecified is taken as UTC, as Azure.Data.Tables does
    };

    private static void ValidatePropertyName(string name)
    {
        if (name.Length is 0 or > 255 || name.Contains('@', StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a valid property name: 1 to 255 characters, without '@', not starting with 'odata.'.");
        }
    }
}
