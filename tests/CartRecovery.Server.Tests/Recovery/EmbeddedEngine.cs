using CartRecovery.Core.Messaging;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Api;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Hosting;
using CartRecovery.RecoveryScenarios;
using CartRecovery.RunnerHost;
using CartRecovery.Server.Workflow;
using CartRecovery.Storage;
using CartRecovery.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CartRecovery.Server.Tests.Recovery;

/// <summary>
/// The server's recovery engine: the embedded runner composed as the server composes it (<c>AddCartRecovery</c> +
/// <c>AddEmbeddedEngine</c>), started as a hosted service in a generic host, on tables of its own in Azurite, with the recording
/// step executor in place of the real providers. What the server adds around it (Kestrel, endpoints) is not run here.
/// </summary>
internal sealed class EmbeddedEngine(IHost host) : IRecoveryEngine
{
    public IRecoveryWorkflows Workflows => host.Services.GetRequiredService<IRecoveryWorkflows>();

    public ISequenceIndex Index => host.Services.GetRequiredService<ISequenceIndex>();

    public IShopRepository Shops => host.Services.GetRequiredService<IShopRepository>();

    public SequencesHandler Sequences => host.Services.GetRequiredService<SequencesHandler>();

    // Several holders are registered (messages, carts, suppressions...): the scenarios look at the recoveries' one.
    public IPersonalDataHolder Recoveries => host.Services.GetServices<IPersonalDataHolder>().OfType<RecoveryPersonalData>().Single();

    public StorageTables Tables => host.Services.GetRequiredService<StorageTables>();

    public static async Task<EmbeddedEngine> StartAsync(EngineSettings settings)
    {
        var values = settings.ToConfiguration();
        values["Storage:ConnectionString"] = await AzuriteServer.Shared();
        values["Storage:TablePrefix"] = "e" + Guid.NewGuid().ToString("N")[..10];
        values["Recovery:Runner:Id"] = "scenario-runner";

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddCartRecovery(builder.Configuration).AddEmbeddedEngine(builder.Configuration);
        builder.Services.AddSingleton<IStepExecutor>(sp => new RecordingStepExecutor(sp.GetRequiredService<StorageTables>(), sp.GetRequiredService<TimeProvider>())
        {
            AlwaysFailStepId = settings.AlwaysFailStepId,
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new EmbeddedEngine(host);
    }

    public async Task<RecoveryState?> EngineStateAsync(string workflowId, CancellationToken cancellationToken) =>
        (await host.Services.GetRequiredService<TableWorkflows>().ReadAsync(workflowId, cancellationToken))?.State;

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }
}
