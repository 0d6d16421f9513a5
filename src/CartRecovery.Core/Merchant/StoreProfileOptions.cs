namespace CartRecovery.Core.Merchant;

/// <summary>
/// Store profiles from configuration (section <c>Stores</c>, a list: <c>Stores__0__Shop</c>, <c>Stores__0__Name</c>,
/// <c>Stores__0__DefaultLocale</c>, <c>Stores__0__Domains__0</c>). Used until the merchant settings store exists.
/// </summary>
public sealed class StoreProfileOptions
{
    public const string Section = "Stores";

    public string Shop { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? DefaultLocale { get; set; }

    public List<string> Domains { get; set; } = [];
}
