using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;
using static CartRecovery.Core.Tests.Abandonment.CartBuilder;

namespace CartRecovery.Core.Tests.Abandonment;

public sealed class AbandonmentRulesTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Checkout_with_email_and_lines_is_due_one_threshold_after_its_last_update()
    {
        var cart = Tracked(Snapshot());
        Assert.Null(AbandonmentRules.WhyIneligible(cart));
        Assert.Equal(T0 + Hour, AbandonmentRules.DueAt(cart, Hour));
    }

    [Fact]
    public void Decision_flips_exactly_at_the_threshold()
    {
        var cart = Tracked(Snapshot());
        Assert.Equal(AbandonmentVerdict.NotYet, AbandonmentRules.Decide(cart, Hour, T0 + Hour - TimeSpan.FromSeconds(1)).Verdict);
        Assert.Equal(AbandonmentVerdict.Abandoned, AbandonmentRules.Decide(cart, Hour, T0 + Hour).Verdict);
        Assert.Equal(AbandonmentVerdict.Abandoned, AbandonmentRules.Decide(cart, TimeSpan.FromMinutes(5), T0 + TimeSpan.FromMinutes(5)).Verdict);
    }

    [Fact]
    public void Phone_alone_is_enough_contact()
    {
        var cart = Tracked(Snapshot(email: null, phone: "+4915112345678"));
        Assert.Null(AbandonmentRules.WhyIneligible(cart));
    }

    [Fact]
    public void Cart_without_contact_details_can_be_abandoned_for_on_site_recovery() =>
        Assert.Null(AbandonmentRules.WhyIneligible(Tracked(Snapshot("cart-1", CartKind.Cart))));

    public static TheoryData<string, Func<TrackedCart, TrackedCart>> Ineligible => new()
    {
        { "no contact details", c => c with { Snapshot = Snapshot(email: null, phone: null) } },
        { "empty", c => c with { Snapshot = Snapshot(lines: 0) } },
        { "ordered", c => c with { Order = new RecordedOrder(1, T0, 10m, "EUR", [], null) } },
        { "checkout completed", c => c with { CompletedAt = T0 } },
        { "deleted", c => c with { DeletedAt = T0 } },
        { "superseded by a newer checkout", c => c with { SupersededBy = "ck-2" } },
        { "went on to checkout", c => c with { CheckedOutAs = "ck-2" } },
        { "recovery already started", c => c with { WorkflowStartedAt = T0 } },
        { "not seen yet (only linked)", c => c with { Snapshot = null } },
    };

    [Theory]
    [MemberData(nameof(Ineligible))]
    public void Ineligible_carts_are_never_due(string reason, Func<TrackedCart, TrackedCart> change)
    {
        var cart = change(Tracked(Snapshot()));
        Assert.Equal(reason, AbandonmentRules.WhyIneligible(cart));
        Assert.Null(AbandonmentRules.DueAt(cart, Hour));
        Assert.Equal(AbandonmentVerdict.Ineligible, AbandonmentRules.Decide(cart, Hour, T0 + TimeSpan.FromDays(30)).Verdict);
    }

    [Fact]
    public void Newest_checkout_of_a_shopper_is_the_one_created_last_and_still_open()
    {
        var older = Tracked(Snapshot("ck-a", at: T0)) with { CreatedAt = T0 };
        var newer = Tracked(Snapshot("ck-b", at: T0.AddMinutes(5))) with { CreatedAt = T0.AddMinutes(5) };
        var newestButOrdered = Tracked(Snapshot("ck-c", at: T0.AddMinutes(9))) with { CreatedAt = T0.AddMinutes(9), Order = new RecordedOrder(1, T0, 1m, "EUR", [], null) };

        Assert.Equal("ck-b", AbandonmentRules.Newest([older, newer, newestButOrdered])!.Key);
        Assert.Equal("ck-b", AbandonmentRules.Newest([newer with { LastActivityAt = T0 }, older with { LastActivityAt = T0.AddHours(1) }])!.Key);
    }

    [Fact]
    public void Catch_up_tells_a_just_started_recovery_what_changed_meanwhile()
    {
        var started = Tracked(Snapshot());
        var updated = CartTransitions.ApplySnapshot(started, Snapshot(at: T0.AddMinutes(1), lines: 3), null, null, null).Cart;
        var order = new OrderPlaced(T0.AddMinutes(2), 7, 30m, "EUR", [], null);

        Assert.Empty(AbandonmentRules.CatchUp(started, started, T0));
        Assert.Equal(3, Assert.IsType<CartUpdated>(Assert.Single(AbandonmentRules.CatchUp(started, updated, T0))).Cart.Lines.Count);
        Assert.Equal(7, Assert.IsType<OrderPlaced>(Assert.Single(AbandonmentRules.CatchUp(started, updated with { Order = RecordedOrder.From(order) }, T0))).OrderId);
        Assert.IsType<CartGone>(Assert.Single(AbandonmentRules.CatchUp(started, started with { DeletedAt = T0 }, T0)));
        Assert.Equal("ck-9", Assert.IsType<Superseded>(Assert.Single(AbandonmentRules.CatchUp(started, started with { SupersededBy = "ck-9" }, T0))).ByCartKey);
    }
}
