using CartRecovery.Core.Carts;

namespace CartRecovery.Storage.Abandonment;

/// <summary>"This cart becomes abandoned at <see cref="DueAt"/>", as the due index holds it. A hint: the cart's own row is the truth.</summary>
public sealed record DueEntry(DateTimeOffset DueAt, string Shop, CartKind Kind, string Key);
