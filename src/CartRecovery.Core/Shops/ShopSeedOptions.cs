namespace CartRecovery.Core.Shops;

/// <summary>
/// A shop's profile from configuration, for local runs and demos (section <c>Shops</c>, a list: <c>Shops__0__Shop</c>,
/// <c>Shops__0__Name</c>, <c>Shops__0__DefaultLocale</c>, <c>Shops__0__Domains__0</c>, <c>Shops__0__TimeZone</c>,
/// <c>Shops__0__Currency</c>). A seed applies while the shop's row holds no profile of its own.
/// </summary>
public sealed class ShopSeedOptions
{
    public const string Section = "Shops";

    public string Shop { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? DefaultLocale { get; set; }

    public List<string> Domains { get; set; } = [];

    public string? TimeZone { get; set; }

    public string? Currency { get; set; }
}
