using System.Text.Json;
using Azure.Data.Tables;
using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Carts;

/// <summary>
/// Row layout of the <c>Carts</c> table; the partition is the shop, so a cart and its index rows change in one transaction:
/// <c>checkout|{token}</c> and <c>cart|{token}</c> the tracked carts; <c>cust|{customer hash}</c> a shopper's checkout
/// tokens (one shopper, one recovery); <c>ckid|{id}</c> checkout id to token (<c>checkouts/delete</c> names only the id);
/// <c>order|{id}</c> orders and what they link. Every row carries the hashed customer id, email and phone it concerns, so a
/// privacy request finds all of them.
/// </summary>
public static class CartRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string CartKey(CartKind kind, string key) => (kind == CartKind.Cart ? "cart|" : "checkout|") + KeyEscaping.Escape(key);

    /// <summary>The most checkouts remembered per shopper (the newest); older ones are long settled.</summary>
    public const int MaxCheckoutsPerCustomer = 50;

    public static string CustomerKey(string customerKeyHash) => "cust|" + customerKeyHash;

    public static IReadOnlyList<string> Checkouts(TableEntity? customerRow) =>
        (customerRow?.GetString("Checkouts") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinCheckouts(IEnumerable<string> tokens) =>
        string.Join('\n', tokens.Where(t => !t.Contains('\n', StringComparison.Ordinal)).TakeLast(MaxCheckoutsPerCustomer));

    public static string CheckoutIdKey(long checkoutId) => "ckid|" + checkoutId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string OrderKey(long orderId) => "order|" + orderId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string? CustomerKeyHash(TrackedCart cart) => cart.CustomerKey is { } key ? PersonalDataHash.Of(key) : null;

    public static TableEntity ToEntity(TrackedCart cart, DateTimeOffset? dueAt)
    {
        var entity = new TableEntity(cart.Shop, CartKey(cart.Kind, cart.Key))
        {
            ["Kind"] = cart.Kind.ToString(),
            ["Key"] = cart.Key,
            ["CreatedAt"] = cart.CreatedAt,
            ["LastActivityAt"] = cart.LastActivityAt,
            ["CheckoutId"] = cart.CheckoutId,
            ["CompletedAt"] = cart.CompletedAt,
            ["Order"] = cart.Order is null ? null : JsonSerializer.Serialize(cart.Order, Json),
            ["DeletedAt"] = cart.DeletedAt,
            ["SupersededBy"] = cart.SupersededBy,
            ["CheckedOutAs"] = cart.CheckedOutAs,
            ["WorkflowStartedAt"] = cart.WorkflowStartedAt,
            ["DueAt"] = dueAt,
            ["CustomerKeyHash"] = CustomerKeyHash(cart),
        };
        AddPersonalKeys(entity, cart);
        if (cart.Snapshot is { } snapshot && !ChunkedProperties.TryWrite(entity, "Snapshot", JsonSerializer.SerializeToUtf8Bytes(snapshot, Json)))
        {
            throw new InvalidOperationException("The cart is too large to store even compressed.");
        }

        return entity;
    }

    public static LoadedCart FromEntity(TableEntity entity)
    {
        var snapshotBytes = ChunkedProperties.Read(entity, "Snapshot");
        var cart = new TrackedCart(
            entity.PartitionKey,
            entity.GetString("Key")!,
            Enum.Parse<CartKind>(entity.GetString("Kind")!),
            snapshotBytes is null ? null : JsonSerializer.Deserialize<CartSnapshot>(snapshotBytes, Json),
            entity.GetDateTimeOffset("CreatedAt"),
            entity.GetDateTimeOffset("LastActivityAt"),
            entity.GetInt64("CheckoutId"),
            entity.GetDateTimeOffset("CompletedAt"),
            entity.GetString("Order") is { } order ? JsonSerializer.Deserialize<RecordedOrder>(order, Json) : null,
            entity.GetDateTimeOffset("DeletedAt"),
            entity.GetString("SupersededBy"),
            entity.GetString("CheckedOutAs"),
            entity.GetDateTimeOffset("WorkflowStartedAt"));
        return new LoadedCart(cart, entity.ETag.ToString(), entity.GetDateTimeOffset("DueAt"));
    }

    /// <summary>The hashed personal keys of a cart's shopper, on every row that concerns them.</summary>
    public static void AddPersonalKeys(TableEntity entity, TrackedCart cart)
    {
        entity["CustomerId"] = cart.Snapshot?.Customer?.Id;
        entity["EmailHash"] = PersonalDataHash.Email(cart.Snapshot?.Contact.Email);
        entity["PhoneHash"] = PersonalDataHash.Phone(cart.Snapshot?.Contact.Phone);
    }
}
