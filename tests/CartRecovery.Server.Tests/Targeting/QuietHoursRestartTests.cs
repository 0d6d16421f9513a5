using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Targeting;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Klaviyo;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.RunnerHost;
using CartRecovery.Server.Tests.Workflow;
using CartRecovery.Server.Workflow;
using CartRecovery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Targeting;

/// <summary>
/// The embedded engine on Azurite with the eligibility chain in front of the step: an email due at night is deferred to the
/// morning, the deferral is in the stored workflow, and a new runner (a restart) sends it then, once.
/// </summary>
public sealed class QuietHoursRestartTests
{
    // Tomorrow 23:00 UTC (the shop has no zone): the engine starts the workflow on the real clock, the runner then runs on a manual one.
    private static readonly DateTimeOffset Night = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(1).AddHours(23);

    private static WorkflowProcessor Processor(RunnerEnvironment env, TimeProvider clock) => new(
        env.Services.GetRequiredService<TableWorkflows>(),
        env.Services.GetRequiredService<TableTimers>(),
        new StepRunner(
            new TargetedStepExecutor(
                new RecordingStepExecutor(env.Tables, clock),
                env.Services.GetRequiredService<EligibilityChain>(),
                env.Shops,
                env.Services.GetRequiredService<IMessageRecords>(),
                new NoKlaviyoKeys(),
                clock),
            StepRetryPolicy.From(new RecoveryOptions()),
            clock),
        env.Index,
        Options.Create(new RunnerOptions { Id = "runner-" + Guid.NewGuid().ToString("N")[..6] }),
        clock,
        new RunnerMetrics(),
        NullLogger<WorkflowProcessor>.Instance);

    [Fact]
    public async Task An_email_due_at_night_is_deferred_to_08_00_and_sent_then_by_a_restarted_runner()
    {
        var ct = TestContext.Current.CancellationToken;
        using var env = await RunnerEnvironment.CreateAsync(timeScale: 1);
        await env.Shops.SaveRecoverySettingsAsync(Shop, RecoveryPresets.Defaults with
        {
            Expiry = TimeSpan.FromDays(3),
            Sequences = new Dictionary<string, IReadOnlyList<StepDefinition>>
            {
                [SequenceKeys.Default] = [new("email-1", TimeSpan.FromHours(1), Channel.Email, MessageIntent.HelpfulReminder)],
            },
        }, ct);
        var clock = new ManualTimeProvider(Night);
        await env.Workflows.StartAsync(Cart("night-1"), Night.AddHours(-2), ct);
        var id = WorkflowId.For(Shop, "night-1").Value;

        await Processor(env, clock).ProcessAsync(id, ct);

        var deferred = (await env.Services.GetRequiredService<TableWorkflows>().ReadAsync(id, ct))!.State;
        var record = Assert.Single(deferred.History);
        Assert.Equal(StepStatus.Deferred, record.Status);
        Assert.StartsWith("quiet-hours: 23:00 in UTC", record.Reason);
        Assert.Equal(Night.AddHours(9), deferred.DeferredUntil);
        Assert.Empty(await RecordingStepExecutor.CallsPerKeyAsync(env.Tables));

        clock.Advance(TimeSpan.FromHours(4)); // 03:00: a restarted runner still waits
        await Processor(env, clock).ProcessAsync(id, ct);
        Assert.Empty(await RecordingStepExecutor.CallsPerKeyAsync(env.Tables));

        clock.Advance(TimeSpan.FromHours(5)); // 08:00
        await Processor(env, clock).ProcessAsync(id, ct);

        var sent = (await env.Services.GetRequiredService<TableWorkflows>().ReadAsync(id, ct))!.State;
        Assert.Equal([StepStatus.Deferred, StepStatus.Sent], sent.History.Select(h => h.Status));
        Assert.Equal(1, Assert.Single(await RecordingStepExecutor.CallsPerKeyAsync(env.Tables)).Value);
        Assert.Equal(RecoveryStatus.Completed, sent.Status);
    }
}
