using System.Text.Json;
using System.Text.Json.Serialization;
using CartRecovery.Core.Http;

namespace CartRecovery.Core.Workflow;

/// <summary>How workflow state, settings and signals are written as JSON by both hosts and the merchant API: web casing, enums as camelCase names.</summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>A JSON answer written with these options (enums as names, unlike <see cref="HostResponse.Ok{T}"/>).</summary>
    public static HostResponse Response<T>(T value, int status = 200) =>
        new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, Options));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
