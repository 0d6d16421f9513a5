namespace CartRecovery.Core.Targeting.Caps;

/// <summary>
/// The caps' answer for one message: allowed (with the ledger to write, null when nothing changes) or held back until
/// <see cref="Until"/> for <see cref="Reason"/>.
/// </summary>
public sealed record CapDecision(bool Allowed, IReadOnlyList<ContactEntry>? Write, string? Reason, DateTimeOffset? Until);
