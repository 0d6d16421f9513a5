using CartRecovery.Core.Workflow;
using CartRecovery.Hosting.Options;

namespace CartRecovery.Server.Workflow;

public static class EmbeddedEngineRegistration
{
    /// <summary>
    /// The embedded engine: <see cref="IRecoveryWorkflows"/> and <see cref="IRecoveryEraser"/> on the Table Storage runner,
    /// and the runner itself. The rest of recoveries (settings, index, merchant API) comes with <c>AddCartRecovery</c>;
    /// the runner refuses to start without an <see cref="Core.Messaging.IStepExecutor"/>.
    /// </summary>
    public static IServiceCollection AddEmbeddedEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RunnerOptions, RunnerOptionsValidator>(configuration, RunnerOptions.Section);
        services.AddSingleton<RunnerMetrics>();
        services.AddSingleton<TimerQueue>();
        services.AddSingleton<TableWorkflows>();
        services.AddSingleton<TableTimers>();
        services.AddSingleton(sp => new StepRunner(
            sp.GetRequiredService<Core.Messaging.IStepExecutor>(),
            sp.GetRequiredService<StepRetryPolicy>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WorkflowProcessor>();
        services.AddSingleton<IRecoveryWorkflows, EmbeddedRecoveryWorkflows>();
        services.AddSingleton<IRecoveryEraser, EmbeddedRecoveryEraser>();
        services.AddHostedService<EmbeddedRecoveryRunner>();
        return services;
    }
}
