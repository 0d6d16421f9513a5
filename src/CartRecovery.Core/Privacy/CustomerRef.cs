namespace CartRecovery.Core.Privacy;

/// <summary>A customer as a privacy request names them: any of id, email and phone may be known.</summary>
public sealed record CustomerRef(long? Id, string? Email, string? Phone);
