using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;
using static CartRecovery.Core.Tests.Abandonment.CartBuilder;

namespace CartRecovery.Core.Tests.Abandonment;

public sealed class CartTransitionsTests
{
    private static readonly OrderPlaced Order = new(T0.AddMinutes(30), 42, 10m, "EUR", ["SAVE5"], "/landing");

    private static TrackedCart Empty(string key = "ck-1") => new(Shop, key, CartKind.Checkout);

    [Fact]
    public void First_snapshot_creates_the_state_and_sends_nothing()
    {
        var result = CartTransitions.ApplySnapshot(Empty(), Snapshot(), T0, 981, null);
        Assert.True(result.Changed);
        Assert.Empty(result.Signals);
        Assert.Equal(T0, result.Cart.LastActivityAt);
        Assert.Equal(981, result.Cart.CheckoutId);
    }

    [Fact]
    public void Older_snapshot_never_overwrites_newer_state()
    {
        var newer = CartTransitions.ApplySnapshot(Empty(), Snapshot(at: T0.AddMinutes(10), lines: 2), T0, null, null).Cart;
        var late = CartTransitions.ApplySnapshot(newer, Snapshot(at: T0, lines: 5), T0, null, null);

        Assert.False(late.Changed);
        Assert.Equal(2, late.Cart.Snapshot!.Lines.Count);
        Assert.Equal(T0.AddMinutes(10), late.Cart.LastActivityAt);
    }

    [Fact]
    public void Same_state_delivered_again_changes_nothing_and_signals_nothing()
    {
        var recovering = CartTransitions.ApplySnapshot(Empty(), Snapshot(lines: 2), T0, null, null).Cart with { WorkflowStartedAt = T0 };
        var again = CartTransitions.ApplySnapshot(recovering, Snapshot(lines: 2), T0, null, null);
        var changedSameSecond = CartTransitions.ApplySnapshot(recovering, Snapshot(lines: 3), T0, null, null);

        Assert.False(again.Changed);
        Assert.Empty(again.Signals);
        Assert.True(changedSameSecond.Changed);
        Assert.IsType<CartUpdated>(Assert.Single(changedSameSecond.Signals));
    }

    [Fact]
    public void Older_snapshot_still_fills_in_a_missing_link()
    {
        var newer = CartTransitions.ApplySnapshot(Empty(), Snapshot(at: T0.AddMinutes(10)), null, null, null).Cart;
        var late = CartTransitions.ApplySnapshot(newer, Snapshot(at: T0), T0, 981, null);
        Assert.Equal(981, late.Cart.CheckoutId);
        Assert.Equal(T0.AddMinutes(10), late.Cart.LastActivityAt);
    }

    [Fact]
    public void Update_of_a_recovering_cart_sends_cart_updated_and_emptying_it_sends_cart_gone()
    {
        var recovering = Tracked(Snapshot()) with { WorkflowStartedAt = T0.AddHours(1) };
        var updated = CartTransitions.ApplySnapshot(recovering, Snapshot(at: T0.AddHours(2), lines: 2), null, null, null);
        Assert.Equal(2, Assert.IsType<CartUpdated>(Assert.Single(updated.Signals)).Cart.Lines.Count);

        var emptied = CartTransitions.ApplySnapshot(updated.Cart, Snapshot(at: T0.AddHours(3), lines: 0), null, null, null);
        Assert.IsType<CartGone>(Assert.Single(emptied.Signals));
    }

    [Fact]
    public void Update_before_recovery_starts_only_moves_the_activity_time()
    {
        var result = CartTransitions.ApplySnapshot(Tracked(Snapshot()), Snapshot(at: T0.AddMinutes(45)), null, null, null);
        Assert.Empty(result.Signals);
        Assert.Equal(T0.AddMinutes(45) + TimeSpan.FromHours(1), AbandonmentRules.DueAt(result.Cart, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Order_that_arrives_before_its_checkout_still_prevents_recovery()
    {
        var stub = CartTransitions.ApplyOrder(Empty(), Order).Cart;
        Assert.Null(stub.Snapshot);
        var checkout = CartTransitions.ApplySnapshot(stub, Snapshot(), T0, null, null).Cart;

        Assert.Equal(42, checkout.Order!.OrderId);
        Assert.Equal("ordered", AbandonmentRules.WhyIneligible(checkout));
    }

    [Fact]
    public void Order_signals_a_running_recovery_every_time_it_is_applied()
    {
        var recovering = Tracked(Snapshot()) with { WorkflowStartedAt = T0.AddHours(1) };
        var first = CartTransitions.ApplyOrder(recovering, Order);
        var replay = CartTransitions.ApplyOrder(first.Cart, Order);

        Assert.Equal(Order, Assert.Single(first.Signals));
        Assert.Equal(Order, Assert.Single(replay.Signals));
        Assert.False(replay.Changed);
    }

    [Fact]
    public void Deletion_and_supersession_signal_only_running_recoveries()
    {
        var idle = Tracked(Snapshot());
        Assert.Empty(CartTransitions.ApplyDeletion(idle, T0).Signals);
        Assert.Empty(CartTransitions.ApplySuperseded(idle, "ck-2", T0).Signals);

        var recovering = idle with { WorkflowStartedAt = T0 };
        Assert.IsType<CartGone>(Assert.Single(CartTransitions.ApplyDeletion(recovering, T0).Signals));
        Assert.Equal("ck-2", Assert.IsType<Superseded>(Assert.Single(CartTransitions.ApplySuperseded(recovering, "ck-2", T0).Signals)).ByCartKey);
        Assert.Equal("ck-3", Assert.IsType<Superseded>(Assert.Single(CartTransitions.ApplyCheckedOut(recovering with { Kind = CartKind.Cart }, "ck-3", T0).Signals)).ByCartKey);
    }

    [Fact]
    public void Completed_checkout_is_not_abandoned_and_sends_no_update()
    {
        var recovering = Tracked(Snapshot()) with { WorkflowStartedAt = T0 };
        var completed = CartTransitions.ApplySnapshot(recovering, Snapshot(at: T0.AddMinutes(1)), null, null, T0.AddMinutes(1));
        Assert.Empty(completed.Signals);
        Assert.Equal("checkout completed", AbandonmentRules.WhyIneligible(completed.Cart with { WorkflowStartedAt = null }));
    }
}
