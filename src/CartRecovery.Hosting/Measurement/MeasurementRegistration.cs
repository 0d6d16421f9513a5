using CartRecovery.Core.Analytics;
using CartRecovery.Core.Analytics.Hooks;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Experiments;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Hosting.Options;
using CartRecovery.Storage.Analytics;
using CartRecovery.Storage.Attribution;
using CartRecovery.Storage.Experiments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Hosting.Measurement;

/// <summary>
/// Attribution, analytics rollups, experiments and the outside analytics tools. Measurement observes the step executor and
/// the message events by decorating them, so it must be added after messaging; the recovery starts are measured by
/// <see cref="MeasuredRecoveryWorkflows"/>, which ingestion wraps around the engine's port.
/// </summary>
internal static class MeasurementRegistration
{
    public static IServiceCollection AddMeasurement(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttributionOptions, AttributionOptionsValidator>(configuration, AttributionOptions.Section);
        services.AddSingleton<IAttributionRepository, TableAttributionRepository>();
        services.AddSingleton<TableAnalyticsRollups>();
        services.AddSingleton<IAnalyticsRollups>(sp => sp.GetRequiredService<TableAnalyticsRollups>());
        services.AddSingleton<IExperimentRepository, TableExperimentRepository>();
        // The privacy webhooks reach every table of the shop (shop/redact) and the shopper's attribution (customers/*).
        services.AddSingleton<Core.Privacy.IPersonalDataHolder, AttributionPersonalData>();
        services.AddSingleton<Core.Privacy.IPersonalDataHolder>(sp => new Storage.Privacy.ShopTablesPersonalData(
            sp.GetRequiredService<Storage.StorageTables>(), "measurement", [TableAnalyticsRollups.TableName, TableExperimentRepository.TableName]));
        services.AddSingleton<ExperimentAssigner>();
        services.AddSingleton<MeasurementRecorder>();
        services.AddSingleton<OrderAttributor>();
        services.AddSingleton<AttributionApi>();
        services.AddOptions<AnalyticsOptions, AnalyticsOptionsValidator>(configuration, AnalyticsOptions.Section);
        services.AddSingleton<AnalyticsApi>();
        services.AddSingleton<Core.Experiments.Api.ExperimentsApi>();

        services.Decorate<IStepExecutor>((inner, sp) => new MeasuredStepExecutor(
            inner, sp.GetRequiredService<IAttributionRepository>(), sp.GetRequiredService<MeasurementRecorder>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MeasuredStepExecutor>>()));
        services.Decorate<IMessageEvents>((inner, sp) => new MeasuredMessageEvents(
            inner, sp.GetRequiredService<IMessageLog>(), sp.GetRequiredService<MeasurementRecorder>(), sp.GetRequiredService<ILogger<MeasuredMessageEvents>>()));
        return services;
    }

    /// <summary>The engine's workflow port as ingestion and abandonment use it: recovery starts measured on the way.</summary>
    public static Core.Workflow.IRecoveryWorkflows Measured(IServiceProvider services, Core.Workflow.IRecoveryWorkflows engine) =>
        new MeasuredRecoveryWorkflows(engine, services.GetRequiredService<MeasurementRecorder>(), services.GetRequiredService<ExperimentAssigner>(), services.GetRequiredService<ILogger<MeasuredRecoveryWorkflows>>());
}
