using System.Globalization;
using CartRecovery.Core.Http;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Rules;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Targeting.Api;

/// <summary>
/// <c>GET/PUT /api/stores/{shop}/contact-rules</c>: the shop's eligibility filters, caps, quiet hours, send time and Klaviyo
/// coordination as one JSON document (the defaults until the shop saves its own). A PUT is validated whole: any problem is
/// a 400 listing every problem, and nothing is saved. <c>GET …/contact-rules/stats?from=&amp;to=</c> gives the chain's
/// decision counts per day, filter and outcome.
/// </summary>
public sealed class ContactRulesHandler(SessionTokenValidator tokens, IShopRepository shops, IEligibilityStats stats, TimeProvider time)
{
    public const long MaxBodyBytes = 32 * 1024;
    private const int MaxStatsDays = 92;

    public async Task<HostResponse> GetAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        return WorkflowJson.Response((await shops.GetAsync(shop, cancellationToken)).ContactRules);
    }

    public async Task<HostResponse> PutAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        if (!SettingsDocument.TryRead<ShopContactRules>(request, "Invalid contact rules", "valid contact rules", ShopContactRulesValidator.Validate, out var proposed, out var refusal))
        {
            return refusal;
        }

        await shops.SaveContactRulesAsync(shop, proposed, cancellationToken);
        return WorkflowJson.Response(proposed);
    }

    public async Task<HostResponse> StatsAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!TryDay(request, "from", today.AddDays(-29), out var from) || !TryDay(request, "to", today, out var to))
        {
            return HostResponse.Problem(400, "Invalid range", "from and to must be dates (yyyy-MM-dd).");
        }

        if (to < from || to.DayNumber - from.DayNumber >= MaxStatsDays)
        {
            return HostResponse.Problem(400, "Invalid range", $"to must not be before from, and the range at most {MaxStatsDays} days.");
        }

        var counts = await stats.ReadAsync(shop, from, to, cancellationToken);
        return WorkflowJson.Response(new { from, to, counts });
    }

    private static bool TryDay(HostRequest request, string name, DateOnly fallback, out DateOnly day)
    {
        var text = request.QueryValue(name);
        if (string.IsNullOrEmpty(text))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
