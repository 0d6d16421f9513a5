namespace CartRecovery.Core.Targeting.Caps;

/// <summary>A customer's recent messages as read from storage, with the version a conditional write needs (null: none stored yet).</summary>
public sealed record ContactLedger(IReadOnlyList<ContactEntry> Entries, string? Version)
{
    public static ContactLedger Empty { get; } = new([], null);
}
