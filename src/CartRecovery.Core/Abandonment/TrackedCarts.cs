using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Abandonment;

/// <summary>
/// Changes to tracked carts: every change is a read-modify-write against the version read, retried when another writer got
/// there first, so concurrent deliveries for one cart never lose an update. The due time each state points at (the domain
/// rule <see cref="AbandonmentRules.DueAt"/> with the shop's threshold) is decided here; the store only keeps it.
/// <paramref name="timeScale"/> is <c>Recovery:TimeScale</c>: it divides the threshold as it divides every other delay.
/// </summary>
public sealed class TrackedCarts(ITrackedCartRepository store, IAbandonmentThresholds thresholds, double timeScale = 1)
{
    private const int MaxAttempts = 20;

    public ITrackedCartRepository Store => store;

    public Task<LoadedCart> LoadAsync(string shop, CartKind kind, string key, CancellationToken cancellationToken) =>
        store.LoadAsync(shop, kind, key, cancellationToken);

    /// <summary>The shop's abandonment threshold as the due times use it.</summary>
    public async Task<TimeSpan> ThresholdAsync(string shop, CancellationToken cancellationToken) =>
        Workflow.RecoveryState.Scale(await thresholds.GetAsync(shop, cancellationToken).ConfigureAwait(false), timeScale > 0 ? timeScale : 1);

    /// <summary>Applies <paramref name="change"/> to the stored state (an empty state when there is none) until it sticks.</summary>
    public async Task<CartTransition> UpdateAsync(string shop, CartKind kind, string key, Func<TrackedCart, CartTransition> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.LoadAsync(shop, kind, key, cancellationToken).ConfigureAwait(false);
            var transition = change(loaded.Cart);
            if (!transition.Changed)
            {
                return transition;
            }

            if (await TryWriteAsync(loaded, transition.Cart, cancellationToken).ConfigureAwait(false) is not null)
            {
                return transition;
            }

            if (attempt >= MaxAttempts)
            {
                throw new CartConcurrencyException($"The cart changed {MaxAttempts} times while it was being updated.");
            }
        }
    }

    /// <summary>Writes <paramref name="next"/> over <paramref name="loaded"/> with the due time it implies; null when somebody changed it first.</summary>
    public async Task<string?> TryWriteAsync(LoadedCart loaded, TrackedCart next, CancellationToken cancellationToken)
    {
        var threshold = await ThresholdAsync(next.Shop, cancellationToken).ConfigureAwait(false);
        return await store.TryWriteAsync(loaded, next, AbandonmentRules.DueAt(next, threshold), cancellationToken).ConfigureAwait(false);
    }
}
