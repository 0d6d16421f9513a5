using System.Text.Json;
using CartRecovery.Core.Shopify.Payloads;
using CartRecovery.Core.Webhooks;

namespace CartRecovery.Core.Ingestion;

/// <summary>
/// Plans a processing pass over pending deliveries (in arrival order): deliveries of one cart or checkout become one group
/// whose newest state alone is processed (state changes keep only the newest <c>updated_at</c> anyway, so the older states
/// would change nothing that the newest does not), identical order deliveries become one, and everything else is a group
/// of its own. A group never spans a barrier of its shop (see <see cref="DeliveryGroup.IsBarrier"/>): a compliance
/// delivery answers for exactly what came before it, and a deletion or order that finds its checkout by numeric id needs
/// the checkout's earlier deliveries applied first.
/// </summary>
public static class DeliveryCoalescing
{
    public static IReadOnlyList<DeliveryGroup> Plan(IReadOnlyList<WebhookDelivery> arrivalOrder)
    {
        var groups = new List<Pending>();
        var open = new Dictionary<Key, List<Pending>>();
        var epochs = new Dictionary<string, int>(StringComparer.Ordinal); // barriers seen so far, per shop
        foreach (var delivery in arrivalOrder)
        {
            var epoch = epochs.GetValueOrDefault(delivery.Shop);
            if (TryClassify(delivery, epoch) is not { } item)
            {
                groups.Add(new Pending(null, delivery, DateTimeOffset.MinValue, null));
                epochs[delivery.Shop] = epoch + 1;
                continue;
            }

            if (item.Key is { } key && open.TryGetValue(key, out var candidates) && candidates.Find(p => p.Joins(item)) is { } group)
            {
                group.Add(delivery, item.UpdatedAt);
                continue;
            }

            var created = new Pending(item.Lane, delivery, item.UpdatedAt, item.Content);
            groups.Add(created);
            if (item.Key is { } newKey)
            {
                if (!open.TryGetValue(newKey, out var list))
                {
                    open[newKey] = list = [];
                }

                list.Add(created);
            }
        }

        return groups.Select(g => g.Build()).ToList();
    }

    /// <summary>
    /// A delivery that cannot be planned runs alone, where processing fails or dead-letters it on its own: one bad body
    /// must never stop a whole partition's passes.
    /// </summary>
    private static Item? TryClassify(WebhookDelivery delivery, int epoch)
    {
        try
        {
            var parsed = WebhookPayloadParser.Parse(delivery.KnownTopic, delivery.Body.Span, delivery.Shop).Parsed;
            return Classify(delivery, parsed?.Payload, epoch);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Null for a barrier; else the lane and, where deliveries may be merged, the key they merge on.</summary>
    private static Item? Classify(WebhookDelivery delivery, object? payload, int epoch) => payload switch
    {
        // Everything ApplySnapshot and the follow-ups take from a payload besides the snapshot is part of the key, so
        // merged deliveries differ in nothing but their state, and the newest state is all that remains of them.
        ShopifyCart cart when (cart.Token ?? cart.Id) is { } token =>
            new Item("cart|" + token, new Key(delivery.Shop, epoch, "cart|" + token, cart.CreatedAt, null, null, null, null), SnapshotTime(cart.UpdatedAt ?? cart.CreatedAt, delivery), null),
        ShopifyCheckout checkout when checkout.Token is { } token =>
            new Item(
                "checkout|" + token,
                new Key(delivery.Shop, epoch, "checkout|" + token, checkout.CreatedAt, checkout.CompletedAt, checkout.NumericId, NullIfBlank(checkout.CartToken), ShopifySnapshots.FromCheckout(delivery.Shop, checkout, delivery.OccurredAt).CustomerKey),
                SnapshotTime(checkout.UpdatedAt ?? checkout.CreatedAt, delivery),
                null),
        ShopifyCheckoutDeletion { Token: { } token } => new Item("checkout|" + token, null, DateTimeOffset.MinValue, null),
        // An order's lane is its checkout's, so it follows that checkout's states; merged only with the very same body.
        ShopifyOrder { CheckoutToken: { } token, Id: { } orderId } when !string.IsNullOrWhiteSpace(token) =>
            new Item("checkout|" + token, new Key(delivery.Shop, epoch, delivery.KnownTopic + "|" + orderId, null, null, null, null, null), DateTimeOffset.MinValue, delivery.Body),
        _ => null,
    };

    private static DateTimeOffset SnapshotTime(DateTimeOffset? updatedAt, WebhookDelivery delivery) => updatedAt ?? delivery.OccurredAt;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool SameJson(ReadOnlyMemory<byte> a, ReadOnlyMemory<byte> b)
    {
        try
        {
            using var left = JsonDocument.Parse(a);
            using var right = JsonDocument.Parse(b);
            return JsonElement.DeepEquals(left.RootElement, right.RootElement);
        }
        catch (JsonException)
        {
            return false; // not comparable here: processed on its own
        }
    }

    private sealed record Key(string Shop, int Epoch, string What, DateTimeOffset? CreatedAt, DateTimeOffset? CompletedAt, long? CheckoutId, string? CartToken, string? CustomerKey);

    /// <param name="Content">Set where only identical bodies merge (orders).</param>
    private sealed record Item(string Lane, Key? Key, DateTimeOffset UpdatedAt, ReadOnlyMemory<byte>? Content);

    private sealed class Pending(string? lane, WebhookDelivery first, DateTimeOffset updatedAt, ReadOnlyMemory<byte>? content)
    {
        private readonly List<WebhookDelivery> members = [first];
        private WebhookDelivery newest = first;
        private DateTimeOffset newestAt = updatedAt;

        public bool Joins(Item item) => content is not { } body || (item.Content is { } other && SameJson(body, other));

        /// <summary>
        /// The newest state wins; between equal <c>updated_at</c> the later arrival, as processing them in arrival order would
        /// leave it (an equal timestamp with other content overwrites).
        /// </summary>
        public void Add(WebhookDelivery delivery, DateTimeOffset at)
        {
            members.Add(delivery);
            if (at >= newestAt)
            {
                newest = delivery;
                newestAt = at;
            }
        }

        public DeliveryGroup Build() => new(newest, members, lane);
    }
}
