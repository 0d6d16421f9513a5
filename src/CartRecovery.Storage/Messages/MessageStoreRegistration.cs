using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartRecovery.Storage.Messages;

public static class MessageStoreRegistration
{
    /// <summary>The message store and the ports it serves: message events, popup messages, the message log, privacy requests.</summary>
    public static IServiceCollection AddMessageStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MessageStore>();
        services.TryAddSingleton<IMessageRecords>(sp => sp.GetRequiredService<MessageStore>());
        services.TryAddSingleton<IMessageEvents>(sp => sp.GetRequiredService<MessageStore>());
        services.TryAddSingleton<IPopupMessages>(sp => sp.GetRequiredService<MessageStore>());
        services.TryAddSingleton<IMessageLog>(sp => sp.GetRequiredService<MessageStore>());
        services.AddSingleton<IPersonalDataHolder, MessagePersonalData>();
        services.TryAddSingleton<Push.PushSubscriptionStore>();
        services.TryAddSingleton<IPushSubscriptions>(sp => sp.GetRequiredService<Push.PushSubscriptionStore>());
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<Push.PushSubscriptionStore>());
        return services;
    }
}
