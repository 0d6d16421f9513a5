using System.Security.Cryptography;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Storefront;
using CartRecovery.Core.Tracking;
using CartRecovery.Integrations.Ai;
using CartRecovery.Storage.Consent;
using CartRecovery.Storage.Links;
using CartRecovery.Storage.Shops;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Composition;

/// <summary>
/// Message composition (templates, AI copy), signed links, the tracking / unsubscribe / storefront handlers and the
/// suppression list, registered the same way by both hosts. <see cref="IMessageEvents"/>, <see cref="IPopupMessages"/> and
/// the workflow engine come from their own concerns.
/// </summary>
public static class MessageCompositionRegistration
{
    /// <summary>
    /// <see cref="AppLinkOptions"/>, <see cref="CompositionOptions"/> and <see cref="AiOptions"/> come from the options
    /// the product's registration binds (and validates at start).
    /// </summary>
    public static IServiceCollection AddMessageComposition(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AppLinkOptions>>().Value);
        services.AddSingleton(sp => CreateSigner(sp.GetRequiredService<AppLinkOptions>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessageCompositionRegistration))));
        services.AddSingleton<MessageLinks>();
        services.TryAddSingleton<ILinkShortener, TableLinkShortener>();
        services.AddSingleton<ShortLinkHandler>();
        services.AddShops(configuration);

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CompositionOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AiOptions>>().Value);
        services.TryAddSingleton<IAiCopyWriter, OpenAiCopyWriter>();
        services.TryAddSingleton<IRecommendations, NoRecommendations>();
        services.AddSingleton<MessageComposer>();
        services.TryAddSingleton<IMessageComposer>(sp => sp.GetRequiredService<MessageComposer>());
        services.AddSingleton<PopupHandler>();

        services.AddSingleton<EngagementRecorder>();
        services.AddSingleton<OptOutService>();
        services.AddSingleton<ClickRedirectHandler>();
        services.AddSingleton<OpenPixelHandler>();
        services.AddSingleton<UnsubscribeHandler>();
        services.AddSingleton<StorefrontEventsHandler>();

        services.AddSingleton<TableSuppressionList>();
        services.TryAddSingleton<ISuppressionList>(sp => sp.GetRequiredService<TableSuppressionList>());
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
