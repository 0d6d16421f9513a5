namespace CartRecovery.Core.Targeting.QuietHours;

/// <summary>The recipient's time zone, how it was found (address, phone, shop, utc), and the US state when known (for state SMS rules).</summary>
public sealed record RecipientZone(TimeZoneInfo Zone, string Source, string? Country, string? UsState);
