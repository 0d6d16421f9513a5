namespace CartRecovery.Core.Shops;

/// <summary>
/// What messages need to know about a shop: the name customers know it by, the language to fall back on, the storefront
/// domains links may point at (besides <c>{shop}</c> itself), and where it is (time zone, IANA id) and what it sells in
/// (currency, ISO 4217), when known. <see cref="CustomDomains"/> are host names, lower case.
/// </summary>
public sealed record ShopProfile(string Shop, string Name, string DefaultLocale, IReadOnlyList<string> CustomDomains, string? TimeZone = null, string? Currency = null)
{
    /// <summary>Every host a tracked link may redirect to and the popup may be embedded in.</summary>
    public IEnumerable<string> Domains => CustomDomains.Prepend(Shop);
}
