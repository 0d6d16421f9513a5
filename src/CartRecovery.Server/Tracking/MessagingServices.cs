using System.Security.Cryptography;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Storefront;
using CartRecovery.Core.Tracking;
using CartRecovery.Integrations.Ai;
using CartRecovery.Storage.Consent;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartRecovery.Server.Tracking;

/// <summary>
/// Registers message composition (templates, AI copy), signed links, the tracking / unsubscribe / storefront handlers and
/// the suppression list. <see cref="IMessageEvents"/>, <see cref="IPopupMessages"/> and the workflow engine come from their own concerns.
/// </summary>
public static class MessagingServices
{
    public static IServiceCollection AddMessageComposition(this IServiceCollection services, IConfiguration configuration)
    {
        var links = configuration.GetSection(AppLinkOptions.Section).Get<AppLinkOptions>() ?? new AppLinkOptions();
        services.AddSingleton(links);
        services.AddSingleton(sp => CreateSigner(links, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagingServices))));
        services.AddSingleton<MessageLinks>();
        services.TryAddSingleton<IStoreProfiles>(new ConfiguredStoreProfiles(
            configuration.GetSection(StoreProfileOptions.Section).Get<List<StoreProfileOptions>>() ?? []));

        services.AddSingleton(configuration.GetSection(CompositionOptions.Section).Get<CompositionOptions>() ?? new CompositionOptions());
        services.AddSingleton(configuration.GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions());
        services.TryAddSingleton<IAiCopyWriter, OpenAiCopyWriter>();
        services.TryAddSingleton<IRecommendations, NoRecommendations>();
        services.AddSingleton<MessageComposer>();
        services.AddSingleton<IMessageComposer>(sp => sp.GetRequiredService<MessageComposer>());

        services.AddSingleton<EngagementRecorder>();
        services.AddSingleton<OptOutService>();
        services.AddSingleton<ClickRedirectHandler>();
        services.AddSingleton<OpenPixelHandler>();
        services.AddSingleton<UnsubscribeHandler>();
        services.AddSingleton<PopupHandler>();
        services.AddSingleton<StorefrontEventsHandler>();

        services.AddSingleton<TableSuppressionList>();
        services.AddSingleton<ISuppressionList>(sp => sp.GetRequiredService<TableSuppressionList>());
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<TableSuppressionList>());
        return services;
    }

    private static TokenSigner CreateSigner(AppLinkOptions links, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(links.SigningKey))
        {
            return new TokenSigner(links.SigningKey, links.PreviousSigningKeys);
        }

        logger.LogWarning("App:SigningKey is not set: links are signed with a key that lives only as long as this process. Set it for any real use.");
        return new TokenSigner(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
    }
}
