namespace CartRecovery.Core.Merchant;

/// <summary>
/// What messages need to know about a store: the name customers know it by, the language to fall back on, and the
/// storefront domains links may point at (besides <c>{shop}</c> itself). <see cref="CustomDomains"/> are host names, lower case.
/// </summary>
public sealed record StoreProfile(string Shop, string Name, string DefaultLocale, IReadOnlyList<string> CustomDomains)
{
    /// <summary>Every host a tracked link may redirect to and the popup may be embedded in.</summary>
    public IEnumerable<string> Domains => CustomDomains.Prepend(Shop);
}
