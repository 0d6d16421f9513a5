namespace CartRecovery.Core.Incentives;

/// <summary>The shop's code discounts through its Admin API (<c>discountCodeBasicCreate</c>, <c>discountCodeFreeShippingCreate</c>, <c>codeDiscountNodeByCode</c>).</summary>
public interface IDiscountCodes
{
    /// <summary>Creates the code; <see cref="Admin.Errors.AdminUserErrorsException"/> when Shopify refuses it (e.g. the code exists).</summary>
    Task<DiscountCode> CreateAsync(string shop, string accessToken, DiscountCodeSpec spec, CancellationToken cancellationToken);

    Task<DiscountCode?> FindAsync(string shop, string accessToken, string code, CancellationToken cancellationToken);
}
