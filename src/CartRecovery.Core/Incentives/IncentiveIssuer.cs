using System.Security.Cryptography;
using System.Text;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Errors;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shopify;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Incentives;

/// <summary>
/// Issues the incentive of one recovery step: the shop's rules decide kind and value, the per-customer limit may refuse,
/// and a unique single-use code is created through the Admin API. Idempotent per recovery and step: a retried or replayed
/// step finds the code it got (in the ledger, else by its deterministic code at Shopify) instead of creating a second.
/// Without Admin access it offers the shop's static code, if any. It never throws for a business or Admin failure: the
/// step goes out without an incentive and the reason is recorded.
/// </summary>
public sealed partial class IncentiveIssuer(
    IIncentiveLedger ledger,
    IDiscountCodes discounts,
    ShopAccessProvider access,
    IOptions<IncentiveRules> rules,
    IOptions<ShopifyOptions> app,
    TimeProvider time,
    ILogger<IncentiveIssuer> logger)
{
    public const string CustomerLimit = "incentive-customer-limit";
    public const string AdminFailed = "incentive-admin-failed";
    public const string StaticCodeOffered = "incentive-static-code";

    public async Task<IncentiveResult> IssueAsync(StepRequest request, string? segment, CancellationToken cancellationToken)
    {
        var cart = request.Cart;
        var issued = await ledger.FindAsync(cart.Shop, request.WorkflowId, request.StepId, cancellationToken).ConfigureAwait(false);
        if (issued is not null)
        {
            return new IncentiveResult(Offer(issued), issued.DiscountId is null ? StaticCodeOffered : null);
        }

        var shopRules = rules.Value;
        var decision = IncentivePolicy.Decide(shopRules, cart.TotalPrice, request.StepId, segment);
        if (!decision.Granted)
        {
            return IncentiveResult.None(decision.RefusedReason!);
        }

        var now = time.GetUtcNow();
        var customerHash = cart.CustomerKey is { } key ? IncentiveCustomerHash.Of(cart.Shop, key) : null;
        if (customerHash is not null
            && await ledger.CountForCustomerAsync(cart.Shop, customerHash, now - shopRules.CustomerWindow, cancellationToken).ConfigureAwait(false) >= shopRules.MaxCodesPerCustomer)
        {
            return IncentiveResult.None(CustomerLimit);
        }

        var admin = await access.GetAsync(cart.Shop, "write_discounts", cancellationToken).ConfigureAwait(false);
        if (!admin.IsAvailable)
        {
            return shopRules.StaticCode is { Length: > 0 } staticCode
                ? await RecordAsync(new IssuedIncentive(cart.Shop, request.WorkflowId, request.StepId, null, staticCode, null, IncentiveKind.Percentage, shopRules.StaticCodePercentage ?? 0, now, now + shopRules.CodeLifetime), StaticCodeOffered, cancellationToken).ConfigureAwait(false)
                : IncentiveResult.None(admin.UnavailableReason!);
        }

        var spec = new DiscountCodeSpec(CodeFor(cart.Shop, request.WorkflowId, request.StepId), decision.Kind, decision.Value, now, now + shopRules.CodeLifetime, cart.Customer?.Id);
        try
        {
            var code = await CreateOrFindAsync(cart.Shop, admin.AccessToken!, spec, cancellationToken).ConfigureAwait(false);
            return await RecordAsync(new IssuedIncentive(cart.Shop, request.WorkflowId, request.StepId, customerHash, code.Code, code.Id, decision.Kind, decision.Value, now, spec.EndsAt), null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is AdminApiException or TransientAdminException or HttpRequestException)
        {
            LogAdminFailed(logger, cart.Shop, request.StepId, error.GetType().Name);
            return IncentiveResult.None(AdminFailed);
        }
    }

    /// <summary>
    /// The code of a recovery step: the same on every retry (so Shopify's uniqueness finds a code created by an attempt that
    /// crashed before recording it), unguessable without the app's secret.
    /// </summary>
    public string CodeFor(string shop, string workflowId, string stepId)
    {
        var secret = Encoding.UTF8.GetBytes(app.Value.ApiSecrets.FirstOrDefault() ?? string.Empty);
        var digest = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{shop}|{workflowId}|{stepId}"));
        const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I: codes get typed
        return "CR-" + new string([.. digest.Take(10).Select(b => Alphabet[b % Alphabet.Length])]);
    }

    private async Task<DiscountCode> CreateOrFindAsync(string shop, string token, DiscountCodeSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            return await discounts.CreateAsync(shop, token, spec, cancellationToken).ConfigureAwait(false);
        }
        catch (AdminUserErrorsException taken) when (taken.HasCode("TAKEN") || taken.Errors.Any(e => e.Field.LastOrDefault() == "code"))
        {
            var found = await discounts.FindAsync(shop, token, spec.Code, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                throw;
            }

            return found;
        }
    }

    private async Task<IncentiveResult> RecordAsync(IssuedIncentive issued, string? reason, CancellationToken cancellationToken)
    {
        await ledger.RecordAsync(issued, cancellationToken).ConfigureAwait(false);
        return new IncentiveResult(Offer(issued), reason);
    }

    private static IncentiveOffer Offer(IssuedIncentive issued) => new(
        issued.Code,
        issued.Kind == IncentiveKind.Percentage && issued.Value > 0 ? issued.Value : null,
        issued.Kind == IncentiveKind.FixedAmount ? issued.Value : null,
        issued.ExpiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incentive for step {StepId} of {Shop} not issued: the Admin API failed ({Failure})")]
    private static partial void LogAdminFailed(ILogger logger, string shop, string stepId, string failure);
}
