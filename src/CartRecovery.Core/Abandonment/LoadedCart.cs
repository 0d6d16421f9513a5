namespace CartRecovery.Core.Abandonment;

/// <summary>
/// A tracked cart as read from its store, with the version a conditional write needs (null: no row yet) and the due time its
/// row points at (the due index entry it owns).
/// </summary>
public sealed record LoadedCart(TrackedCart Cart, string? Version, DateTimeOffset? DueAt)
{
    public bool Exists => Version is not null;
}
