namespace CartRecovery.Core.Carts;

/// <summary>Where the shopper's address is (shipping, else billing): ISO 3166 country and the province or state code, as the payload gives them.</summary>
public sealed record RecipientLocation(string? CountryCode, string? ProvinceCode);
