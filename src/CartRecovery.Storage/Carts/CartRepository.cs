using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Carts;

/// <summary>
/// Tracked carts and checkouts on Table Storage. Every change is a read-modify-write with the row's ETag, retried when
/// another writer got there first, so concurrent deliveries for one cart never lose an update; the cart row, its customer
/// index row and its checkout-id row change in one transaction; the due index follows (see <see cref="AbandonmentDueIndex"/>).
/// </summary>
public sealed partial class CartRepository(StorageTables tables, AbandonmentDueIndex due, IAbandonmentThresholds thresholds)
{
    public const string TableName = "Carts";
    private const int MaxAttempts = 20;

    public async Task<LoadedCart> LoadAsync(string shop, CartKind kind, string key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetEntityIfExistsAsync(shop, CartRows.CartKey(kind, key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? new LoadedCart(new TrackedCart(shop, key, kind), default, null, null) : CartRows.FromEntity(entity);
    }

    /// <summary>Applies <paramref name="change"/> to the stored state (an empty state when there is none) until it sticks.</summary>
    public async Task<CartTransition> UpdateAsync(string shop, CartKind kind, string key, Func<TrackedCart, CartTransition> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadAsync(shop, kind, key, cancellationToken).ConfigureAwait(false);
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
                throw TableErrors.LostRace($"The cart changed {MaxAttempts} times while it was being updated.");
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="next"/> over <paramref name="loaded"/> if nobody changed it since it was read; null when somebody did.
    /// The due entry for the new state is written first and the old one removed last, so a crash never leaves a due cart unindexed.
    /// </summary>
    public async Task<ETag?> TryWriteAsync(LoadedCart loaded, TrackedCart next, CancellationToken cancellationToken)
    {
        var threshold = await thresholds.GetAsync(next.Shop, cancellationToken).ConfigureAwait(false);
        var newDue = AbandonmentRules.DueAt(next, threshold);
        if (newDue is { } dueAt && newDue != loaded.DueAt)
        {
            await due.AddAsync(new DueEntry(dueAt, next.Shop, next.Kind, next.Key), cancellationToken).ConfigureAwait(false);
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            var etags = await table.SubmitTransactionAsync(Actions(loaded, next, newDue), cancellationToken).ConfigureAwait(false);
            if (next.Kind == CartKind.Checkout && CartRows.CustomerKeyHash(next) is { } hash)
            {
                await AddToCustomerAsync(table, next, hash, cancellationToken).ConfigureAwait(false);
            }

            if (loaded.DueAt is { } oldDue && oldDue != newDue)
            {
                await due.RemoveAsync(new DueEntry(oldDue, next.Shop, next.Kind, next.Key), cancellationToken).ConfigureAwait(false);
            }

            return etags.Value[0].NewETag();
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Resolves the token of a checkout from its numeric id (as <c>checkouts/delete</c> names it).</summary>
    public async Task<string?> CheckoutTokenByIdAsync(string shop, long checkoutId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetEntityIfExistsAsync(shop, CartRows.CheckoutIdKey(checkoutId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity?.GetString("Key");
    }

    /// <summary>Every checkout recorded for one shopper (by customer id, else email) of a store.</summary>
    public async Task<IReadOnlyList<LoadedCart>> CheckoutsOfCustomerAsync(string shop, string customerKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var hash = Serialization.PersonalDataHash.Of(customerKey);
        var index = await table.GetEntityIfExistsAsync(shop, CartRows.CustomerKey(hash), cancellationToken: cancellationToken).ConfigureAwait(false);
        var checkouts = new List<LoadedCart>();
        foreach (var token in CartRows.Checkouts(index))
        {
            // The list is a hint: a checkout whose shopper changed since (a guest who signed in) is left out here.
            var loaded = await LoadAsync(shop, CartKind.Checkout, token, cancellationToken).ConfigureAwait(false);
            if (loaded.Exists && loaded.CustomerKeyHash == hash)
            {
                checkouts.Add(loaded);
            }
        }

        return checkouts;
    }

    /// <summary>Records an order and the cart and checkout it names (an export and an erasure find it by its customer).</summary>
    public async Task RecordOrderAsync(string shop, Core.Workflow.OrderPlaced order, string? checkoutToken, string? cartToken, long? customerId, string? email, string? phone, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(shop, CartRows.OrderKey(order.OrderId))
        {
            ["OrderId"] = order.OrderId,
            ["CheckoutToken"] = checkoutToken,
            ["CartToken"] = cartToken,
            ["Total"] = (double)order.Total,
            ["Currency"] = order.Currency,
            ["At"] = order.At,
            ["DiscountCodes"] = string.Join(',', order.DiscountCodes),
            ["LandingSite"] = order.LandingSite,
            ["CustomerId"] = customerId,
            ["EmailHash"] = Serialization.PersonalDataHash.Email(email),
            ["PhoneHash"] = Serialization.PersonalDataHash.Phone(phone),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the checkout to its shopper's list (one row per shopper, so finding their checkouts is one point read).</summary>
    private static async Task AddToCustomerAsync(TableClient table, TrackedCart checkout, string hash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync(checkout.Shop, CartRows.CustomerKey(hash), cancellationToken: cancellationToken).ConfigureAwait(false);
            var tokens = CartRows.Checkouts(row);
            if (tokens.Contains(checkout.Key, StringComparer.Ordinal))
            {
                return;
            }

            var updated = new TableEntity(checkout.Shop, CartRows.CustomerKey(hash)) { ["Checkouts"] = CartRows.JoinCheckouts(tokens.Append(checkout.Key)) };
            CartRows.AddPersonalKeys(updated, checkout);
            try
            {
                if (row is null)
                {
                    await table.AddEntityAsync(updated, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateEntityAsync(updated, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException e) when (e.IsLostRace())
            {
                // another checkout of the same shopper was added meanwhile: read again
            }
        }
    }

    private static List<TableTransactionAction> Actions(LoadedCart loaded, TrackedCart next, DateTimeOffset? newDue)
    {
        var row = CartRows.ToEntity(next, newDue);
        var actions = new List<TableTransactionAction>
        {
            loaded.Exists
                ? new(TableTransactionActionType.UpdateReplace, row, loaded.ETag)
                : new(TableTransactionActionType.Add, row),
        };

        if (next.Kind == CartKind.Checkout)
        {
            if (next.CheckoutId is { } id && loaded.Cart.CheckoutId != id)
            {
                var byId = new TableEntity(next.Shop, CartRows.CheckoutIdKey(id)) { ["Key"] = next.Key };
                CartRows.AddPersonalKeys(byId, next);
                actions.Add(new(TableTransactionActionType.UpsertReplace, byId));
            }
        }

        return actions;
    }
}
