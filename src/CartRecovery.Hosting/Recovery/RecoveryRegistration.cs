using CartRecovery.Core.Privacy;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Api;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Hosting.Options;
using CartRecovery.Storage.Shops;
using CartRecovery.Storage.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Hosting.Recovery;

/// <summary>
/// What recoveries need whatever drives them: the engine settings and the step retry policy, the shops, the sequence index, the merchant
/// API's handlers and the recoveries' personal data. The engine registers <see cref="IRecoveryWorkflows"/> and
/// <see cref="IRecoveryEraser"/>.
/// </summary>
internal static class RecoveryRegistration
{
    public static IServiceCollection AddRecoveries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecoveryOptions, RecoveryOptionsValidator>(configuration, RecoveryOptions.Section);
        services.AddSingleton(sp => StepRetryPolicy.From(sp.GetRequiredService<IOptions<RecoveryOptions>>().Value));
        services.AddShops(configuration);
        services.AddSingleton<ISequenceIndex, TableSequenceIndex>();
        services.AddSingleton<SequencesHandler>();
        services.AddSingleton<ConfigHandler>();
        services.AddSingleton<IPersonalDataHolder, RecoveryPersonalData>();

        // Ingestion and abandonment detection keep working in a composition without an engine (a partial host, a tool);
        // any hand-over then fails loudly and stays pending. An engine registered before or after replaces it.
        services.TryAddSingleton<IRecoveryWorkflows, MissingRecoveryWorkflows>();
        return services;
    }
}
