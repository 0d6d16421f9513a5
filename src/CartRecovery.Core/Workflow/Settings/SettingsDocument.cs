using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using CartRecovery.Core.Http;

namespace CartRecovery.Core.Workflow.Settings;

/// <summary>
/// A merchant's settings document as a PUT sends it: read strictly (an unknown member is a mistake, not something to
/// ignore) and validated whole, so a refusal lists every problem and nothing is saved.
/// </summary>
public static class SettingsDocument
{
    private static readonly JsonSerializerOptions Strict = new(WorkflowJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>
    /// The document, or the 400 to answer: <paramref name="title"/> names the problem, <paramref name="validWhat"/> completes
    /// "The body is not …" (e.g. "a valid configuration").
    /// </summary>
    public static bool TryRead<T>(
        HostRequest request,
        string title,
        string validWhat,
        Func<T, IReadOnlyList<SettingsProblem>> validate,
        [NotNullWhen(true)] out T? document,
        [NotNullWhen(false)] out HostResponse? refusal)
        where T : class
    {
        document = null;
        try
        {
            document = JsonSerializer.Deserialize<T>(request.Body.Span, Strict);
        }
        catch (JsonException e)
        {
            refusal = HostResponse.Problem(400, title, $"The body is not {validWhat}: {e.Message}");
            return false;
        }

        if (document is null)
        {
            refusal = HostResponse.Problem(400, title, "The body must be a JSON object.");
            return false;
        }

        var problems = validate(document);
        if (problems.Count > 0)
        {
            document = null;
            refusal = HostResponse.Problem(
                400,
                title,
                $"{problems.Count} problem(s); nothing was saved.",
                new Dictionary<string, object?> { ["errors"] = problems.Select(p => new { field = p.Field, message = p.Message }).ToList() });
            return false;
        }

        refusal = null;
        return true;
    }
}
