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

    public async Task<HostResponse> GetAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        return WorkflowJson.Response((await shops.GetAsync(shop, cancellationToken)).Recovery);
    }

    public async Task<HostResponse> PutAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        if (!SettingsDocument.TryRead<RecoverySettings>(request, "Invalid configuration", "a valid configuration", RecoverySettingsValidator.Validate, out var proposed, out var refusal))
        {
            return refusal;
        }

        await shops.SaveRecoverySettingsAsync(shop, proposed, cancellationToken);
        return WorkflowJson.Response(proposed);
    }
}
