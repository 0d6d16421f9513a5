using CartRecovery.Core.Webhooks;

namespace CartRecovery.Core.Ingestion;

/// <summary>
/// Deliveries a processing pass handles as one: only <see cref="Newest"/> is processed, and every one of
/// <see cref="Members"/> (<see cref="Newest"/> among them) is completed only after that processing has been written, so a
/// crash in between leaves all of them pending and the next pass does the same again (idempotently).
/// <see cref="Lane"/> names the cart or checkout the group changes: groups of one shop in different lanes may run at the
/// same time, groups of one lane run one after the other in arrival order. Null: the group runs alone, in its shop's order
/// (everything of the shop before it first, everything after it afterwards).
/// </summary>
public sealed record DeliveryGroup(WebhookDelivery Newest, IReadOnlyList<WebhookDelivery> Members, string? Lane)
{
    public string Shop => Newest.Shop;

    /// <summary>True for a group that must not overlap other work of its shop (compliance, uninstall, lookups by numeric id).</summary>
    public bool IsBarrier => Lane is null;
}
