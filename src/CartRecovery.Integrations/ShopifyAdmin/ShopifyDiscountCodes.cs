using System.Globalization;
using System.Text.Json;
using CartRecovery.Core.Incentives;

namespace CartRecovery.Integrations.ShopifyAdmin;

/// <summary>
/// Unique codes through the GraphQL Admin API: <c>discountCodeBasicCreate</c> (percentage or fixed amount off the order) or
/// <c>discountCodeFreeShippingCreate</c>, each with <c>usageLimit</c> 1, <c>appliesOncePerCustomer</c>, an end, and the
/// customer as context when known; <c>codeDiscountNodeByCode</c> finds an existing one.
/// </summary>
public sealed class ShopifyDiscountCodes(AdminGraphQlClient client) : IDiscountCodes
{
    internal const string BasicCreate = """
        mutation CreateRecoveryCode($basicCodeDiscount: DiscountCodeBasicInput!) {
          discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
            codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { codes(first: 1) { nodes { code } } } } }
            userErrors { field message code }
          }
        }
        """;

    internal const string FreeShippingCreate = """
        mutation CreateRecoveryShippingCode($freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) {
          discountCodeFreeShippingCreate(freeShippingCodeDiscount: $freeShippingCodeDiscount) {
            codeDiscountNode { id }
            userErrors { field message code }
          }
        }
        """;

    internal const string ByCode = """
        query FindRecoveryCode($code: String!) {
          codeDiscountNodeByCode(code: $code) { id }
        }
        """;

    public async Task<DiscountCode> CreateAsync(string shop, string accessToken, DiscountCodeSpec spec, CancellationToken cancellationToken)
    {
        var common = new Dictionary<string, object?>
        {
            ["title"] = spec.Title,
            ["code"] = spec.Code,
            ["startsAt"] = spec.StartsAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["endsAt"] = spec.EndsAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["usageLimit"] = 1,
            ["appliesOncePerCustomer"] = true,
            ["context"] = spec.CustomerId is { } customer
                ? new { customers = new { add = new[] { $"gid://shopify/Customer/{customer}" } } }
                : new { all = "ALL" },
        };
        JsonElement payload;
        string field;
        if (spec.Kind == IncentiveKind.FreeShipping)
        {
            common["destination"] = new { all = true };
            field = "discountCodeFreeShippingCreate";
            payload = await client.MutateAsync(shop, accessToken, FreeShippingCreate, new { freeShippingCodeDiscount = common }, field, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            common["customerGets"] = new
            {
                items = new { all = true },
                value = spec.Kind == IncentiveKind.Percentage
                    ? (object)new { percentage = decimal.Round(spec.Value / 100m, 4) }
                    : new { discountAmount = new { amount = spec.Value.ToString("0.00", CultureInfo.InvariantCulture), appliesOnEachItem = false } },
            };
            field = "discountCodeBasicCreate";
            payload = await client.MutateAsync(shop, accessToken, BasicCreate, new { basicCodeDiscount = common }, field, cancellationToken).ConfigureAwait(false);
        }

        var id = payload.GetProperty("codeDiscountNode").GetProperty("id").GetString()
            ?? throw new Core.Admin.Errors.AdminApiException($"{field} answered without a discount id.");
        return new DiscountCode(id, spec.Code);
    }

    public async Task<DiscountCode?> FindAsync(string shop, string accessToken, string code, CancellationToken cancellationToken)
    {
        var data = await client.QueryAsync(shop, accessToken, ByCode, new { code }, cancellationToken).ConfigureAwait(false);
        return data.TryGetProperty("codeDiscountNodeByCode", out var node) && node.ValueKind == JsonValueKind.Object
            ? new DiscountCode(node.GetProperty("id").GetString()!, code)
            : null;
    }
}
