using System.Diagnostics;
using System.Globalization;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Hosting;
using CartRecovery.Server.Workflow;
using CartRecovery.Storage;
using CartRecovery.Testing;
using CartRecovery.Workflow.Bench;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: CartRecovery.Workflow.Bench [workflows=100000] [timers=10000] [windowSeconds=60] [concurrency=64]
// Storage: CARTRECOVERY_TEST_STORAGE if set, else an in-memory Azurite started for the run.
var workflows = Arg(0, 100_000);
var timers = Arg(1, 10_000);
var window = TimeSpan.FromSeconds(Arg(2, 60));
var concurrency = Arg(3, 64);

await using var azurite = Environment.GetEnvironmentVariable("CARTRECOVERY_TEST_STORAGE") is { Length: > 0 } ? null : await AzuriteServer.StartAsync();
var connection = Environment.GetEnvironmentVariable("CARTRECOVERY_TEST_STORAGE") is { Length: > 0 } env ? env : azurite!.ConnectionString;
var executor = new InstantStepExecutor();
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:ConnectionString"] = connection,
    ["Storage:TablePrefix"] = "b" + Guid.NewGuid().ToString("N")[..8],
    ["Recovery:Runner:Id"] = "bench",
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddCartRecovery(builder.Configuration).AddEmbeddedEngine(builder.Configuration);
builder.Services.AddSingleton<IStepExecutor>(executor);
using var host = builder.Build();
var recoveries = host.Services.GetRequiredService<IRecoveryWorkflows>();
var metrics = host.Services.GetRequiredService<RunnerMetrics>();

const string Shop = "bench.myshopify.com";
const string TimerShop = "timers.myshopify.com";
await host.Services.GetRequiredService<IShopRepository>().SaveRecoverySettingsAsync(TimerShop, OneStepAt(TimeSpan.FromHours(1)), CancellationToken.None);
await host.StartAsync();
Console.WriteLine($"storage: {(azurite is null ? "CARTRECOVERY_TEST_STORAGE" : "Azurite (in-memory), started for this run")}; concurrency {concurrency}");

// 1. Schedule: each start decides the first state and writes the state row, its timer and the summary.
var scheduling = Stopwatch.StartNew();
var started = 0;
await ForEachAsync(workflows, concurrency, async i =>
{
    await recoveries.StartAsync(Cart(Shop, $"c{i}"), DateTimeOffset.UtcNow, CancellationToken.None);
    if (Interlocked.Increment(ref started) % 10_000 == 0)
    {
        Console.WriteLine($"  {started:N0} scheduled after {scheduling.Elapsed.TotalSeconds:N0} s");
    }
});
scheduling.Stop();
Console.WriteLine($"scheduled {workflows:N0} workflows in {scheduling.Elapsed.TotalSeconds:N1} s ({workflows / scheduling.Elapsed.TotalSeconds:N0}/s)");
await Task.Delay(TimeSpan.FromSeconds(5)); // a few polls over the full timer table
Console.WriteLine($"runner memory with {workflows:N0} pending workflows: {Memory()}");

// 2. Timer lag: the one step of each of these workflows falls due at a random moment of one window, starting once all are written.
var perSecond = workflows / scheduling.Elapsed.TotalSeconds;
var windowStart = DateTimeOffset.UtcNow + TimeSpan.FromSeconds((timers / perSecond * 1.5) + 10);
var random = new Random(7);
var dueTimes = Enumerable.Range(0, timers).Select(_ => windowStart + (window * random.NextDouble())).ToArray();
var writing = Stopwatch.StartNew();
await ForEachAsync(timers, concurrency, i => recoveries.StartAsync(Cart(TimerShop, $"t{i}"), dueTimes[i] - TimeSpan.FromHours(1), CancellationToken.None));
Console.WriteLine($"wrote {timers:N0} workflows due between {windowStart:HH:mm:ss} and {windowStart + window:HH:mm:ss} in {writing.Elapsed.TotalSeconds:N1} s");
if (DateTimeOffset.UtcNow > windowStart)
{
    Console.WriteLine("warning: writing took longer than planned; the first timers were already due");
}

metrics.Reset();
metrics.RecordTimerLags = true;
var deadline = windowStart + window + TimeSpan.FromMinutes(5);
while (executor.Executed < timers && DateTimeOffset.UtcNow < deadline)
{
    await Task.Delay(TimeSpan.FromSeconds(1));
}

var lags = metrics.TimerLags.Select(l => l.TotalMilliseconds).Order().ToArray();
Console.WriteLine($"steps executed: {executor.Executed:N0} of {timers:N0}; timer firings measured: {lags.Length:N0}");
if (lags.Length > 0)
{
    Console.WriteLine($"timer lag ms: p50 {Percentile(lags, 0.50):N0}, p90 {Percentile(lags, 0.90):N0}, p99 {Percentile(lags, 0.99):N0}, max {lags[^1]:N0}");
}

Console.WriteLine($"runner memory after the window: {Memory()}");
await host.StopAsync();

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static RecoverySettings OneStepAt(TimeSpan delay) => RecoveryPresets.Defaults with
{
    Sequences = new Dictionary<string, IReadOnlyList<StepDefinition>> { [SequenceKeys.Default] = [new("only", delay, Channel.Popup, MessageIntent.HelpfulReminder)] },
};

static CartSnapshot Cart(string shop, string key) => new(
    shop, key, CartKind.Cart, key, null, null, ContactInfo.None, "EUR", 42m, "en", [new CartLine(1, 1, "Mug", null, 1, 42m, null, null)], null, DateTimeOffset.UtcNow);

static async Task ForEachAsync(int count, int concurrency, Func<int, Task> action)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            await action(i);
        }
    }));
}

static string Memory()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    using var process = Process.GetCurrentProcess();
    return $"managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:N1} MiB, working set {process.WorkingSet64 / 1048576.0:N1} MiB";
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
