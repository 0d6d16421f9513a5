using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.RunnerHost;
using CartRecovery.Hosting;
using CartRecovery.Server.Workflow;
using CartRecovery.Storage;
using CartRecovery.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>
/// The workflow services on one table prefix, built but not started (no runner in this process): tests start and signal
/// workflows here and read what runner processes did.
/// </summary>
internal sealed class RunnerEnvironment : IDisposable
{
    private readonly IHost host;

    private RunnerEnvironment(IHost host, string connectionString, string prefix)
    {
        this.host = host;
        ConnectionString = connectionString;
        Prefix = prefix;
    }

    public string ConnectionString { get; }

    public string Prefix { get; }

    public IServiceProvider Services => host.Services;

    public IRecoveryWorkflows Workflows => host.Services.GetRequiredService<IRecoveryWorkflows>();

    public ISequenceIndex Index => host.Services.GetRequiredService<ISequenceIndex>();

    public IShopRepository Shops => host.Services.GetRequiredService<IShopRepository>();

    public StorageTables Tables => host.Services.GetRequiredService<StorageTables>();

    public static async Task<RunnerEnvironment> CreateAsync(double timeScale = 3600)
    {
        var connectionString = await AzuriteServer.Shared();
        var prefix = "k" + Guid.NewGuid().ToString("N")[..10];
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Recovery:TimeScale"] = timeScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton(TimeProvider.System);
                builder.Services.AddCartRecovery(builder.Configuration).AddEmbeddedEngine(builder.Configuration);
        return new RunnerEnvironment(builder.Build(), connectionString, prefix);
    }

    /// <summary>A processor as a runner has it (recording executor), writing summaries to <paramref name="index"/> or the real index.</summary>
    public WorkflowProcessor Processor(ISequenceIndex? index = null) => new(
        Services.GetRequiredService<TableWorkflows>(),
        Services.GetRequiredService<TableTimers>(),
        new StepRunner(new RecordingStepExecutor(Tables, TimeProvider.System), StepRetryPolicy.From(new RecoveryOptions()), TimeProvider.System),
        index ?? Index,
        Options.Create(new RunnerOptions { Id = "test-runner" }),
        TimeProvider.System,
        new RunnerMetrics(),
        NullLogger<WorkflowProcessor>.Instance);

    public void Dispose() => host.Dispose();
}
