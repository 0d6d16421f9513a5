using CartRecovery.Core.Messaging;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Api;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Functions.Recovery;
using CartRecovery.Hosting;
using CartRecovery.RecoveryScenarios;
using CartRecovery.RunnerHost;
using CartRecovery.Storage;
using CartRecovery.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Functions.Tests.Recovery;

/// <summary>
/// The Functions host's recovery engine on the real Durable Task engine (in-process, in memory): the real
/// <see cref="RecoveryOrchestration"/> and <see cref="RecoveryActivities"/> registered through their function-style
/// delegates, the product composed as the Functions host composes it (so <see cref="DurableRecoveryWorkflows"/> and the
/// eraser work on the test host's client), the real repositories on Azurite, the worker's serializer. What the Functions host
/// adds around them (triggers, bindings) is not run here.
/// </summary>
internal sealed class DurableEngine : IRecoveryEngine
{
    private readonly DurableTaskTestHost host;
    private readonly AsyncServiceScope scope;

    private DurableEngine(DurableTaskTestHost host)
    {
        this.host = host;
        scope = host.Services.CreateAsyncScope();
    }

    public DurableTaskClient Client => host.Client;

    public IRecoveryWorkflows Workflows => InInvocation<IRecoveryWorkflows>();

    public ISequenceIndex Index => scope.ServiceProvider.GetRequiredService<ISequenceIndex>();

    public IShopRepository Shops => scope.ServiceProvider.GetRequiredService<IShopRepository>();

    public SequencesHandler Sequences => InInvocation<SequencesHandler>();

    // Several holders are registered (messages, carts, suppressions...): the scenarios look at the recoveries' one.
    public IPersonalDataHolder Recoveries
    {
        get
        {
            scope.ServiceProvider.GetRequiredService<DurableClientHolder>().Use(host.Client);
            return scope.ServiceProvider.GetServices<IPersonalDataHolder>().OfType<RecoveryPersonalData>().Single();
        }
    }

    public StorageTables Tables => scope.ServiceProvider.GetRequiredService<StorageTables>();

    /// <summary>
    /// A service that may start or signal recoveries, with the client put in the holder first, as each Functions trigger does
    /// with its [DurableClient]. The holder flows with the async context, so this is done in the caller's context (a
    /// synchronous getter), not once in the constructor, whose async caller would not pass it on.
    /// </summary>
    private T InInvocation<T>()
        where T : notnull
    {
        scope.ServiceProvider.GetRequiredService<DurableClientHolder>().Use(host.Client);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public static async Task<DurableEngine> StartAsync(EngineSettings settings)
    {
        var values = settings.ToConfiguration();
        values["Storage:ConnectionString"] = await AzuriteServer.Shared();
        values["Storage:TablePrefix"] = "d" + Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var converter = FunctionsDataConverter.FromWorkerDefaults();

        DurableTaskTestHost? started = null;
        IServiceProvider Services() => started?.Services ?? throw new InvalidOperationException("An activity ran before the test host started.");

        started = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                // The functions themselves, as the Functions host invokes them: the orchestrator with its context, each
                // activity on an instance created per invocation with the worker's services and the durable client.
                // Typed input: the Functions host hands GetInput<T> the raw input to deserialize, the test host's untyped
                // registration would hand it a JsonElement.
                registry.AddOrchestratorFunc<RecoveryOrchestrationInput, RecoveryState>(RecoveryOrchestration.Name, (context, _) => RecoveryOrchestration.RunAsync(context));
                registry.AddActivityFunc<StepRequest, StepOutcome>(RecoveryActivities.RunStep, async (_, request) =>
                {
                    await using var invocation = Services().CreateAsyncScope();
                    var client = invocation.ServiceProvider.GetRequiredService<DurableTaskClient>();
                    return await ActivatorUtilities.CreateInstance<RecoveryActivities>(invocation.ServiceProvider).RunStepAsync(request, client, CancellationToken.None);
                });
                registry.AddActivityFunc<StepGiveUp, StepOutcome>(RecoveryActivities.GiveUpStep, async (_, giveUp) =>
                {
                    await using var invocation = Services().CreateAsyncScope();
                    return await ActivatorUtilities.CreateInstance<RecoveryActivities>(invocation.ServiceProvider).GiveUpStepAsync(giveUp, CancellationToken.None);
                });
                registry.AddActivityFunc<SequenceSummary>(RecoveryActivities.SaveSummary, async (_, summary) =>
                {
                    await using var invocation = Services().CreateAsyncScope();
                    var client = invocation.ServiceProvider.GetRequiredService<DurableTaskClient>();
                    await ActivatorUtilities.CreateInstance<RecoveryActivities>(invocation.ServiceProvider).SaveSummaryAsync(summary, client, CancellationToken.None);
                });
            },
            new DurableTaskTestHostOptions
            {
                Port = FreePort.Next(),
                LoggerFactory = Environment.GetEnvironmentVariable("CARTRECOVERY_DURABLE_LOG") is { } diag ? Microsoft.Extensions.Logging.LoggerFactory.Create(b => { b.Services.Configure<Microsoft.Extensions.Logging.LoggerFilterOptions>(o => o.MinLevel = Microsoft.Extensions.Logging.LogLevel.Debug); b.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(new FileLog(diag)); }) : null,
                ConfigureServices = services => ConfigureServices(services, configuration, settings, converter),
            },
            TestContext.Current.CancellationToken);
        return new DurableEngine(started);
    }

    /// <summary>
    /// The product as src/CartRecovery.Functions/Program.cs composes it (<c>AddCartRecovery</c> + <c>AddDurableEngine</c>), with
    /// the worker's serializer on the test engine's client and worker, and the recording step executor.
    /// </summary>
    private static void ConfigureServices(IServiceCollection services, IConfiguration configuration, EngineSettings settings, FunctionsDataConverter converter)
    {
        services.Configure<DurableTaskWorkerOptions>(o => o.DataConverter = converter);
        services.Configure<DurableTaskClientOptions>(o => o.DataConverter = converter);
        services.AddCartRecovery(configuration).AddDurableEngine();
        services.AddSingleton<IStepExecutor>(sp => new RecordingStepExecutor(sp.GetRequiredService<StorageTables>(), TimeProvider.System) { AlwaysFailStepId = settings.AlwaysFailStepId });
    }

    public async Task<RecoveryState?> EngineStateAsync(string workflowId, CancellationToken cancellationToken)
    {
        var instance = await host.Client.GetInstanceAsync(workflowId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        // A completed orchestration returns its final state. Any other instance still holds its input (a running one the state
        // its execution started from; a terminated or failed one its history, whose output is no state): that is the copy.
        return instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? instance.ReadOutputAs<RecoveryState>()
            : instance.ReadInputAs<RecoveryOrchestrationInput>()?.State;
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await host.DisposeAsync();
    }
}
