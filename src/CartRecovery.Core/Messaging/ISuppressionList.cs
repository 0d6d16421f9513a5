namespace CartRecovery.Core.Messaging;

/// <summary>
/// Addresses that must not be contacted on a channel: unsubscribes, hard bounces, complaints, customer opt-outs.
/// Checked before every send; written by the unsubscribe endpoints and provider webhooks.
/// Addresses are compared normalised (email lower-cased and trimmed, phone as E.164).
/// </summary>
public interface ISuppressionList
{
    /// <summary>The reason the address is suppressed on the channel (or on every channel), or null when it may be contacted.</summary>
    Task<string?> FindAsync(string shop, Channel channel, string address, CancellationToken cancellationToken);

    /// <summary>Suppresses the address on one channel, or on all when <paramref name="channel"/> is null.</summary>
    Task AddAsync(string shop, Channel? channel, string address, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
