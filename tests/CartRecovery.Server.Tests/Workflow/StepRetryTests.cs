using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Workflow;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Server.Workflow;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>
/// The one retry layer, end to end on the server's own services: the real step executor, the real Resend provider against a
/// loopback Resend that always fails, the message record on Azurite, and the embedded runner's application of Core's policy.
/// </summary>
public sealed class StepRetryTests : IAsyncLifetime
{
    private LoopbackHttpServer resend = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => resend = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await resend.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task A_step_that_always_fails_calls_the_provider_once_per_configured_attempt_and_ends_its_message_failed(int attempts)
    {
        resend.Respond = (_, context) =>
        {
            context.Response.StatusCode = 503;
            return context.Response.WriteAsync("{}");
        };
        await using var host = await StartAsync(attempts, attemptTimeout: "00:00:10");
        var request = EmailStep("always-fails");

        var outcome = await host.Services.GetRequiredService<StepRunner>().RunAsync(request, Ct);

        Assert.Equal(attempts, resend.Requests.Count); // not attempts × the provider's own retries: there are none
        Assert.All(resend.Requests, r => Assert.Equal(request.IdempotencyKey, r.Header("Idempotency-Key")));
        Assert.Equal(StepOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("HTTP 503", outcome.Reason, StringComparison.Ordinal);
        var record = await host.Services.GetRequiredService<IMessageRecords>().FindByKeyAsync(Shop, request.IdempotencyKey, Ct);
        Assert.Equal(MessageStatus.Failed, record!.Status); // defect 6: never left "sending"
        Assert.Equal(attempts, record.Attempts);
    }

    [Fact]
    public async Task An_attempt_that_hangs_is_cut_off_by_the_attempt_timeout_and_retried_as_configured()
    {
        await using var host = await StartAsync(attempts: 2, attemptTimeout: "00:00:02");
        var runner = host.Services.GetRequiredService<StepRunner>();
        resend.Respond = (_, context) => context.Response.WriteAsync("""{"id":"re-warm"}""");
        Assert.Equal(StepOutcomeKind.Sent, (await runner.RunAsync(EmailStep("warm-up"), Ct)).Kind); // tables and templates ready: the attempts below spend their time at the provider
        var before = resend.Requests.Count;
        resend.Respond = async (_, context) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        };
        var request = EmailStep("hangs");

        var outcome = await runner.RunAsync(request, Ct);

        Assert.Equal(2, resend.Requests.Count - before);
        Assert.Equal(StepOutcomeKind.Failed, outcome.Kind);
        Assert.StartsWith(nameof(TimeoutException), outcome.Reason, StringComparison.Ordinal);
        var record = await host.Services.GetRequiredService<IMessageRecords>().FindByKeyAsync(Shop, request.IdempotencyKey, Ct);
        Assert.Equal(MessageStatus.Failed, record!.Status);
    }

    private Task<ServerHost> StartAsync(int attempts, string attemptTimeout) => ServerHost.StartAsync(new Dictionary<string, string?>
    {
        ["Email:Provider"] = "Resend",
        ["Email:Resend:BaseUrl"] = resend.BaseAddress.ToString(),
        ["Email:Resend:ApiKey"] = "re_test",
        ["Recovery:StepMaxAttempts"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Recovery:StepFirstRetryDelay"] = "00:00:00.020",
        ["Recovery:StepMaxRetryDelay"] = "00:00:00.100",
        ["Recovery:StepAttemptTimeout"] = attemptTimeout,
    });

    private static StepRequest EmailStep(string cartKey) => new(
        WorkflowId.For(Shop, cartKey).Value,
        Cart(cartKey, email: $"{cartKey}@example.com"), // a shopper per cart: smart sending (one email per shopper per 16 h) would skip a second
        "s1",
        0,
        Channel.Email,
        MessageIntent.HelpfulReminder,
        false,
        null,
        StepRequest.KeyFor(Shop, cartKey, "s1", Channel.Email));
}
