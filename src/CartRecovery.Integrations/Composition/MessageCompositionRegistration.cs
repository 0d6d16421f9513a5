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

namespace CartRecovery.Integrations.Composition;

/// <summary>
/// Message composition (templates, AI copy), signed links, the tracking / unsubscribe / storefront handlers and the
/// suppression list, registered the same way by both hosts. <see cref="IMessageEvents"/>, <see cref="IPopupMessages"/> and
/// the workflow engine come from their own concerns.
/// </summary>
public static class MessageCompositionRegistration
{
    /// <param name="workflowBound">
    /// Lifetime of the handlers that signal workflows: singleton on the server; scoped on Azure Functions, where
    /// <see cref="Core.Workflow.IRecoveryWorkflows"/> needs the invocation's durable client.
    /// </param>
    public static IServiceCollection AddMessageComposition(this IServiceCollection services, IConfiguration configuration, ServiceLifetime workflowBound = ServiceLifetime.Singleton)
    {
        var links = configuration.GetSection(AppLinkOptions.Section).Get<AppLinkOptions>() ?? new AppLinkOptions();
        services.AddSingleton(links);
        services.AddSingleton(sp => CreateSigner(links, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessageCompositionRegistration))));
        services.AddSingleton<MessageLinks>();
        services.TryAddSingleton<ILinkShortener, TableLinkShortener>();
        services.AddSingleton<ShortLinkHandler>();
        services.AddShops(configuration);

        services.AddSingleton(configuration.GetSection(CompositionOptions.Section).Get<CompositionOptions>() ?? new CompositionOptions());
        services.AddSingleton(configuration.GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions());
        services.TryAddSingleton<IAiCopyWriter, OpenAiCopyWriter>();
        services.TryAddSingleton<IRecommendations, NoRecommendations>();
        services.AddSingleton<MessageComposer>();
        services.TryAddSingleton<IMessageComposer>(sp => sp.GetRequiredService<MessageComposer>());
        services.AddSingleton<PopupHandler>();

        foreach (var handler in new[] { typeof(EngagementRecorder), typeof(OptOutService), typeof(ClickRedirectHandler), typeof(OpenPixelHandler), typeof(UnsubscribeHandler), typeof(StorefrontEventsHandler) })
        {
            services.Add(new ServiceDescriptor(handler, handler, workflowBound));
        }

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
