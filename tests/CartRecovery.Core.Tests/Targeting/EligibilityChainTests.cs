using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Filters;
using CartRecovery.Core.Targeting.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using static CartRecovery.Core.Tests.Targeting.TargetingFixtures;

namespace CartRecovery.Core.Tests.Targeting;

public sealed class EligibilityChainTests
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 10, 10, 0, 0, TimeSpan.Zero); // 12:00 in Berlin

    private sealed class Scripted(string name, FilterVerdict? answer = null) : IReservingFilter
    {
        public List<string> Calls { get; } = [];

        public int Released { get; private set; }

        public string Name => name;

        public ValueTask<FilterVerdict> EvaluateAsync(EligibilityContext context, CancellationToken cancellationToken)
        {
            Calls.Add(name);
            return ValueTask.FromResult(answer ?? FilterVerdict.Pass(name));
        }

        public ValueTask ReleaseAsync(EligibilityContext context, CancellationToken cancellationToken)
        {
            Released++;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class CountingStats : IEligibilityStats
    {
        public List<(string Filter, VerdictKind Outcome)> Recorded { get; } = [];

        public Task RecordAsync(string shop, DateOnly day, string filter, VerdictKind outcome, CancellationToken cancellationToken)
        {
            Recorded.Add((filter, outcome));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<FilterCount>> ReadAsync(string shop, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<FilterCount>>([]);
    }

    [Fact]
    public async Task Filters_run_in_the_shop_order_and_the_first_refusal_decides()
    {
        var log = new List<string>();
        var first = new Scripted(FilterNames.Klaviyo);
        var second = new Scripted(FilterNames.Trust, FilterVerdict.Skip(FilterNames.Trust, "a test checkout"));
        var third = new Scripted(FilterNames.CartValue);
        var stats = new CountingStats();
        var chain = new EligibilityChain([third, second, first], NullLogger<EligibilityChain>.Instance, stats);
        var rules = ShopContactRules.Default with { Filters = [FilterNames.Klaviyo, FilterNames.Trust, FilterNames.CartValue] };

        var result = await chain.EvaluateAsync(Step(Cart(), Channel.Email, Noon, rules), CancellationToken.None);

        Assert.Equal(VerdictKind.Skip, result.Verdict.Kind);
        Assert.Equal("trust: a test checkout", result.Verdict.Describe());
        Assert.Single(first.Calls);
        Assert.Single(second.Calls);
        Assert.Empty(third.Calls);
        Assert.Equal(1, first.Released); // it passed and held something, but the step does not go ahead
        Assert.Equal([(FilterNames.Trust, VerdictKind.Skip)], stats.Recorded);
    }

    [Fact]
    public async Task A_filter_left_out_of_the_shop_list_does_not_run()
    {
        var trust = new Scripted(FilterNames.Trust, FilterVerdict.Skip(FilterNames.Trust, "no"));
        var chain = new EligibilityChain([trust], NullLogger<EligibilityChain>.Instance);

        var result = await chain.EvaluateAsync(Step(Cart(), Channel.Email, Noon, ShopContactRules.Default with { Filters = [FilterNames.CartValue] }), CancellationToken.None);

        Assert.True(result.Passed);
        Assert.Empty(trust.Calls);
    }

    [Fact]
    public async Task The_inventory_slot_is_passed_over_until_a_filter_registers_for_it()
    {
        var stats = new CountingStats();
        var chain = new EligibilityChain([new TrustFilter(), new CartValueFilter()], NullLogger<EligibilityChain>.Instance, stats);

        var result = await chain.EvaluateAsync(Step(Cart(), Channel.Email, Noon), CancellationToken.None);

        Assert.False(chain.Has(FilterNames.Inventory));
        Assert.True(result.Passed);
        Assert.Equal([(EligibilityChain.PassedName, VerdictKind.Pass)], stats.Recorded);

        var inventory = new Scripted(FilterNames.Inventory, FilterVerdict.Skip(FilterNames.Inventory, "out of stock"));
        var extended = new EligibilityChain([new TrustFilter(), inventory], NullLogger<EligibilityChain>.Instance);
        Assert.Equal("inventory: out of stock", (await extended.EvaluateAsync(Step(Cart(), Channel.Email, Noon), CancellationToken.None)).Verdict.Describe());
    }

    [Fact]
    public async Task A_pass_with_a_note_is_counted_on_its_own()
    {
        var stats = new CountingStats();
        var klaviyo = new Scripted(FilterNames.Klaviyo, FilterVerdict.Pass(FilterNames.Klaviyo, "Klaviyo did not answer; sent by the shop's policy"));
        var chain = new EligibilityChain([klaviyo], NullLogger<EligibilityChain>.Instance, stats);

        Assert.True((await chain.EvaluateAsync(Step(Cart(), Channel.Email, Noon), CancellationToken.None)).Passed);
        Assert.Equal([(FilterNames.Klaviyo, VerdictKind.Pass), (EligibilityChain.PassedName, VerdictKind.Pass)], stats.Recorded);
    }

    [Fact]
    public async Task Passing_reservations_are_handed_to_the_caller()
    {
        var holder = new Scripted(FilterNames.FrequencyCap);
        var chain = new EligibilityChain([holder], NullLogger<EligibilityChain>.Instance);

        var result = await chain.EvaluateAsync(Step(Cart(), Channel.Email, Noon), CancellationToken.None);

        Assert.True(result.Passed);
        Assert.Same(holder, Assert.Single(result.Holds));
        Assert.Equal(0, holder.Released);
    }

    [Theory]
    [InlineData(true, false, false, "a test checkout")]
    [InlineData(false, true, false, "the customer's account is disabled")]
    [InlineData(false, false, true, "the customer is tagged as fraud")]
    public async Task Trust_skips_what_the_payload_flags(bool test, bool disabled, bool fraud, string reason)
    {
        var verdict = await new TrustFilter().EvaluateAsync(Step(Cart(trust: new TrustSignals(test, disabled, fraud)), Channel.Email, Noon), CancellationToken.None);

        Assert.Equal(VerdictKind.Skip, verdict.Kind);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(VerdictKind.Pass, (await new TrustFilter().EvaluateAsync(Step(Cart(), Channel.Email, Noon), CancellationToken.None)).Kind);
    }

    [Fact]
    public async Task Cart_value_is_off_by_default_and_skips_under_the_shop_minimum()
    {
        var filter = new CartValueFilter();
        var seed004 = ShopContactRules.Default with { MinimumCartValue = 50m };

        Assert.Equal(VerdictKind.Pass, (await filter.EvaluateAsync(Step(Cart(total: 10m), Channel.Email, Noon), CancellationToken.None)).Kind);
        Assert.Equal(VerdictKind.Skip, (await filter.EvaluateAsync(Step(Cart(total: 49.99m), Channel.Email, Noon, seed004), CancellationToken.None)).Kind);
        Assert.Equal(VerdictKind.Pass, (await filter.EvaluateAsync(Step(Cart(total: 50m), Channel.Email, Noon, seed004), CancellationToken.None)).Kind);
    }

    [Fact]
    public void Validation_reports_every_problem_at_once()
    {
        var bad = ShopContactRules.Default with
        {
            Filters = ["trust", "trust", "magic"],
            MinimumCartValue = -1,
            SmartSending = new SmartSendingRules { EmailHours = -1 },
            QuietHours = new QuietHoursRules { Sms = new AllowedHours(new TimeOnly(21, 0), new TimeOnly(8, 0)) },
            Klaviyo = new KlaviyoCoordinationRules { MetricNames = [] },
        };

        var fields = Core.Targeting.Rules.ShopContactRulesValidator.Validate(bad).Select(p => p.Field).ToList();

        Assert.Empty(Core.Targeting.Rules.ShopContactRulesValidator.Validate(ShopContactRules.Default));
        Assert.Equal(["filters", "filters", "minimumCartValue", "smartSending.emailHours", "quietHours.sms", "klaviyo.metricNames"], fields);
    }
}
