using System.Net;
using System.Text.Json;
using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>Turns an unsuccessful response into the exception Azure.Data.Tables would throw, with the service's error code and message.</summary>
internal static class TableErrors
{
    public static async Task<RequestFailedException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var (code, message) = ParseError(body);
        code ??= response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.FirstOrDefault() : null;
        var status = (int)response.StatusCode;
        var text = $"The Table service answered {status} ({response.ReasonPhrase}){(code is null ? string.Empty : ", " + code)}: {message ?? "no details"}";
        return status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict && IsConcurrencyCode(code)
            ? new TableConcurrencyException(status, text, code)
            : new RequestFailedException(status, text, code, null);
    }

    /// <summary>The OData error's code and message, from <c>{"odata.error":{"code":…,"message":{"value":…}}}</c>.</summary>
    public static (string? Code, string? Message) ParseError(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, null);
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (!document.RootElement.TryGetProperty("odata.error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            string? message = null;
            if (error.TryGetProperty("message", out var m))
            {
                message = m.ValueKind switch
                {
                    JsonValueKind.String => m.GetString(),
                    JsonValueKind.Object when m.TryGetProperty("value", out var v) => v.GetString(),
                    _ => null,
                };
            }

            return (code, message?.Trim());
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    // A 409 for an existing table or entity and a 412 for a stale ETag are lost races; other 409s (a table being deleted) are not.
    private static bool IsConcurrencyCode(string? code) =>
        code is null or "EntityAlreadyExists" or "UpdateConditionNotSatisfied" or "ConditionNotMet";
}
