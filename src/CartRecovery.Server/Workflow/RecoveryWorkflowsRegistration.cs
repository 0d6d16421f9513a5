using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Api;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Storage.Shops;
using CartRecovery.Storage.Workflow;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Workflow;

public static class RecoveryWorkflowsRegistration
{
    /// <summary>
    /// The recovery workflows on the embedded runner: <see cref="IRecoveryWorkflows"/>, <see cref="Core.Shops.IShopRepository"/>,
    /// <see cref="ISequenceIndex"/> and the runner itself. The runner needs an <see cref="Core.Messaging.IStepExecutor"/>
    /// registered elsewhere and refuses to start without one.
    /// </summary>
    public static IHostApplicationBuilder AddRecoveryWorkflows(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RecoveryOptions>().Bind(builder.Configuration.GetSection(RecoveryOptions.Section));
        services.AddOptions<RunnerOptions>().Bind(builder.Configuration.GetSection(RunnerOptions.Section));
        services.AddShops(builder.Configuration);
        services.AddSingleton<ISequenceIndex, TableSequenceIndex>();
        services.AddSingleton<RunnerMetrics>();
        services.AddSingleton<TimerQueue>();
        services.AddSingleton<WorkflowStore>();
        services.AddSingleton<TimerStore>();
        services.AddSingleton(sp => new StepRunner(
            sp.GetRequiredService<Core.Messaging.IStepExecutor>(),
            StepRetryPolicy.From(sp.GetRequiredService<IOptions<RecoveryOptions>>().Value),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WorkflowProcessor>();
        services.AddSingleton<IRecoveryWorkflows, EmbeddedRecoveryWorkflows>();
        services.AddSingleton<IRecoveryEraser, EmbeddedRecoveryEraser>();
        services.AddSingleton<Core.Privacy.IPersonalDataHolder, Core.Privacy.RecoveryPersonalData>();
        services.AddHostedService<EmbeddedRecoveryRunner>();
        services.AddSingleton<SequencesHandler>();
        services.AddSingleton<ConfigHandler>();
        return builder;
    }
}
