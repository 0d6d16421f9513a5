namespace CartRecovery.Core.Messaging;

/// <summary>
/// The Web Push subscriptions visitors granted on a storefront, found by the cart they belong to or, failing that, by the
/// customer; the step executor looks one up before a push step (none: the step is skipped).
/// </summary>
public interface IPushSubscriptions
{
    Task<PushSubscription?> FindAsync(string shop, string? cartToken, string? customerKey, CancellationToken cancellationToken);

    Task SaveAsync(string shop, string? cartToken, string? customerKey, PushSubscription subscription, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets a subscription the push service reported gone (404/410).</summary>
    Task RemoveAsync(string shop, string endpoint, CancellationToken cancellationToken);
}
