using CartRecovery.Core.Analytics;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Experiments;
using CartRecovery.Core.Incentives;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Caps;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Storage.Admin;
using CartRecovery.Storage.Experiments;
using CartRecovery.Storage.Incentives;
using CartRecovery.Storage.Targeting;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>
/// Rows in every table the measurement, incentive, targeting and reconciliation features added, for Zoe (by id and as a guest
/// by email), for Bob, and for another shop, as those features' own adapters write them.
/// </summary>
internal sealed class PrivacyNewTables(WebhookStorage s)
{
    public const string ZoeId = "id:603851970716743426";
    public const string ZoeGuest = "email:zoe.nunez@example.com";
    public const string Bob = "id:42";

    public TableIncentiveLedger Incentives { get; } = new(s.Tables);

    public TableContactLedgers Contacts { get; } = new(s.Tables);

    public async Task SeedAsync(string shop, CancellationToken cancellationToken)
    {
        var t0 = s.Time.GetUtcNow();
        foreach (var (customer, n) in new[] { (ZoeId, 1), (ZoeGuest, 2), (Bob, 3) })
        {
            var recovery = $"rec-{n}";
            await s.Attribution.RecordRecoveryAsync(new RecoveryLink(shop, recovery, $"ck-{n}", $"cart-{n}", customer, null, t0), cancellationToken);
            await s.Attribution.RecordDiscountCodeAsync(shop, recovery, $"CODE-{n}", cancellationToken);
            await s.Attribution.RecordTouchAsync(new Touch(shop, recovery, customer, $"msg-{n}", "email-1", Channel.Email, null, TouchKind.Clicked, t0.AddMinutes(n)), cancellationToken);
            await Incentives.RecordAsync(
                new IssuedIncentive(shop, $"wf-{n}", "email-1", IncentiveCustomerHash.Of(shop, customer), $"SAVE-{n}", $"gid://shopify/DiscountCodeNode/{n}", IncentiveKind.Percentage, 10m, t0, t0.AddDays(2)),
                cancellationToken);
            Assert.True(await Contacts.TryWriteAsync(shop, customer, ContactLedger.Empty, [new ContactEntry($"wf-{n}/email-1", Channel.Email, t0)], cancellationToken));
        }

        await s.Rollups.ApplyAsync(new AnalyticsFact(shop, DateOnly.FromDateTime(t0.UtcDateTime), "fact-1", new Dictionary<string, decimal> { ["started"] = 1 }), cancellationToken);
        await new TableEligibilityStats(s.Tables).RecordAsync(shop, DateOnly.FromDateTime(t0.UtcDateTime), "frequency-cap", VerdictKind.Pass, cancellationToken);
        await new TableExperimentRepository(s.Tables).SaveAsync(
            new Experiment(shop, "exp-1", "Subject test", ExperimentKind.Subject, [new ExperimentArm("a", 1), new ExperimentArm("b", 1)], "a", ExperimentMetric.ClickRate, ExperimentStatus.Running, 100, 0.95, null, t0, t0, null),
            cancellationToken);
        await new TableReconciliationState(s.Tables).AdvanceAsync(shop, t0, cancellationToken);
    }
}
