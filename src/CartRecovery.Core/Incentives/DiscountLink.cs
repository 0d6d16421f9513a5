namespace CartRecovery.Core.Incentives;

/// <summary>
/// Applies a code through the storefront: <c>https://{host}/discount/{code}?redirect={path}</c> sets the discount in the
/// shopper's session and then opens the recovered checkout, so nobody has to type the code.
/// </summary>
public static class DiscountLink
{
    public static string? Apply(string? recoveryUrl, string code)
    {
        if (recoveryUrl is null || !Uri.TryCreate(recoveryUrl, UriKind.Absolute, out var target))
        {
            return recoveryUrl;
        }

        return $"{target.Scheme}://{target.Authority}/discount/{Uri.EscapeDataString(code)}?redirect={Uri.EscapeDataString(target.PathAndQuery)}";
    }
}
