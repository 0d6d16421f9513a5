using System.Security.Cryptography;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Storefront;
using CartRecovery.Core.Tracking;
using CartRecovery.Storage.Consent;
using CartRecovery.Storage.Links;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartRecovery.Functions.Tracking;

/// <summary>
/// The same composition, link and suppression services as the server's MessagingServices. Handlers that signal workflows
/// are scoped, because <see cref="Core.Workflow.IRecoveryWorkflows"/> is scoped here (it needs the invocation's durable client).
/// AI copy needs CartRecovery.Integrations, which this host does not reference yet: until it does, messages use templates.
/// </summary>
public static class TrackingRegistration
{
    public static IServiceCollection AddTracking(this IServiceCollection services, IConfiguration configuration)
    {
        var links = configuration.GetSection(AppLinkOptions.Section).Get<AppLinkOptions>() ?? new AppLinkOptions();
        services.AddSingleton(links);
        services.AddSingleton(_ => string.IsNullOrWhiteSpace(links.SigningKey)
            ? new TokenSigner(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)))
            : new TokenSigner(links.SigningKey, links.PreviousSigningKeys));
        services.AddSingleton<MessageLinks>();
        services.TryAddSingleton<ILinkShortener, TableLinkShortener>();
        services.TryAddSingleton<IStoreProfiles>(new ConfiguredStoreProfiles(
            configuration.GetSection(StoreProfileOptions.Section).Get<List<StoreProfileOptions>>() ?? []));
        services.AddSingleton(configuration.GetSection(CompositionOptions.Section).Get<CompositionOptions>() ?? new CompositionOptions());
        services.TryAddSingleton<IAiCopyWriter, NoAiCopy>();
        services.TryAddSingleton<IRecommendations, NoRecommendations>();
        services.AddSingleton<MessageComposer>();
        services.TryAddSingleton<IMessageComposer>(sp => sp.GetRequiredService<MessageComposer>());

        services.AddScoped<EngagementRecorder>();
        services.AddScoped<OptOutService>();
        services.AddScoped<ClickRedirectHandler>();
        services.AddScoped<OpenPixelHandler>();
        services.AddScoped<UnsubscribeHandler>();
        services.AddScoped<StorefrontEventsHandler>();
        services.AddSingleton<ShortLinkHandler>();
        services.AddSingleton<PopupHandler>();

        services.AddSingleton<TableSuppressionList>();
        services.TryAddSingleton<ISuppressionList>(sp => sp.GetRequiredService<TableSuppressionList>());
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<TableSuppressionList>());
        return services;
    }
}
