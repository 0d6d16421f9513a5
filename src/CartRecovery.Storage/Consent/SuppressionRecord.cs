namespace CartRecovery.Storage.Consent;

/// <summary>A suppression as a privacy export shows it: the address, the reason per channel (or "all"), when it last changed.</summary>
public sealed record SuppressionRecord(string Kind, string Address, IReadOnlyDictionary<string, string> Reasons, DateTimeOffset? UpdatedAt);
