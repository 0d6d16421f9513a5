using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Abandonment;

/// <summary>
/// "This cart becomes abandoned at <see cref="DueAt"/>", as the due index holds it. A hint: the cart's own row is the truth.
/// <see cref="Version"/> is the entry's version as listed, so removing a stale entry never removes one rewritten since.
/// </summary>
public sealed record DueEntry(DateTimeOffset DueAt, string Shop, CartKind Kind, string Key, string? Version = null);
