namespace CartRecovery.Core.Admin.Install;

/// <summary>What the merchant API shows of a shop's Admin access: whether there is one, its scopes, the configured ones it lacks, and when it was granted and expires.</summary>
public sealed record InstallStatus(string Shop, bool Installed, IReadOnlyList<string> Scopes, IReadOnlyList<string> MissingScopes, DateTimeOffset? GrantedAt, DateTimeOffset? ExpiresAt);
