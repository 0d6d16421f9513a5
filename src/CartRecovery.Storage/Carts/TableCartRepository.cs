using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Carts;

/// <summary>
/// Tracked carts and checkouts on Table Storage (the store behind Core's <see cref="TrackedCarts"/>). Writes are conditional
/// on the row's ETag; the cart row and its checkout-id row change in one transaction; the due index follows
/// (see <see cref="AbandonmentDueIndex"/>).
/// </summary>
public sealed partial class TableCartRepository(StorageTables tables, IAbandonmentDueIndex due) : ITrackedCartRepository
{
    public const string TableName = "Carts";
    private const int MaxAttempts = 20;

    public async Task<LoadedCart> LoadAsync(string shop, CartKind kind, string key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetEntityIfExistsAsync(shop, CartRows.CartKey(kind, key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? new LoadedCart(new TrackedCart(shop, key, kind), null, null) : CartRows.FromEntity(entity);
    }

    /// <summary>
    /// Writes <paramref name="next"/> over <paramref name="loaded"/> if nobody changed it since it was read; null when somebody did.
    /// The due entry for the new state is written first and the old one removed last, so a crash never leaves a due cart unindexed.
    /// </summary>
    public async Task<string?> TryWriteAsync(LoadedCart loaded, TrackedCart next, DateTimeOffset? newDue, CancellationToken cancellationToken)
    {
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

            return etags.Value[0].NewETag().ToString();
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Gives the row a new ETag if it still has <paramref name="loaded"/>'s (an empty row where there was none), so a writer
    /// that read the old one fails and writes its due entry again when it retries. False when the row changed meanwhile.
    /// </summary>
    public async Task<bool> FenceAsync(LoadedCart loaded, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var cart = loaded.Cart;
        try
        {
            if (loaded.Version is { } version)
            {
                var touch = new TableEntity(cart.Shop, CartRows.CartKey(cart.Kind, cart.Key)) { ["FencedAt"] = DateTimeOffset.UtcNow };
                await table.UpdateEntityAsync(touch, new ETag(version), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.AddEntityAsync(CartRows.ToEntity(cart, null), cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
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
            if (loaded.Exists && CartRows.CustomerKeyHash(loaded.Cart) == hash)
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
                ? new(TableTransactionActionType.UpdateReplace, row, new ETag(loaded.Version!))
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
