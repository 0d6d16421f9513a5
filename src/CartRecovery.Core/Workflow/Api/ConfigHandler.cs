using System.Text.Json.Serialization;
using System.Text.Json;
using CartRecovery.Core.Http;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Workflow.Api;

/// <summary>
/// <c>GET/PUT /api/stores/{shop}/config</c>: the store's recovery settings as one JSON document (durations as
/// <c>[d.]hh:mm:ss</c>). A PUT is validated whole: any problem is a 400 listing every problem, and nothing is saved.
/// </summary>
public sealed class ConfigHandler(SessionTokenValidator tokens, IShopRepository shops)
{
    public const long MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Strict = new(WorkflowJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public async Task<HostResponse> GetAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        return Json((await shops.GetAsync(shop, cancellationToken)).Recovery);
    }

    public async Task<HostResponse> PutAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        RecoverySettings? proposed;
        try
        {
            proposed = JsonSerializer.Deserialize<RecoverySettings>(request.Body.Span, Strict);
        }
        catch (JsonException e)
        {
            return HostResponse.Problem(400, "Invalid configuration", $"The body is not a valid configuration: {e.Message}");
        }

        if (proposed is null)
        {
            return HostResponse.Problem(400, "Invalid configuration", "The body must be a JSON object.");
        }

        var problems = RecoverySettingsValidator.Validate(proposed);
        if (problems.Count > 0)
        {
            return HostResponse.Problem(
                400,
                "Invalid configuration",
                $"{problems.Count} problem(s); nothing was saved.",
                new Dictionary<string, object?> { ["errors"] = problems.Select(p => new { field = p.Field, message = p.Message }).ToList() });
        }

        await shops.SaveRecoverySettingsAsync(shop, proposed, cancellationToken);
        return Json(proposed);
    }

    private static HostResponse Json(RecoverySettings value) => WorkflowJson.Response(value);
}
