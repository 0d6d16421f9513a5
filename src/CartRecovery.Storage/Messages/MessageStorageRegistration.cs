using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartRecovery.Storage.Messages;

public static class MessageStorageRegistration
{
    /// <summary>The message store and the ports it serves: message events, popup messages, the message log, privacy requests.</summary>
    public static IServiceCollection AddMessageStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TableMessages>();
        services.TryAddSingleton<IMessageRecords>(sp => sp.GetRequiredService<TableMessages>());
        services.TryAddSingleton<IMessageEvents>(sp => sp.GetRequiredService<TableMessages>());
        services.TryAddSingleton<IPopupMessages>(sp => sp.GetRequiredService<TableMessages>());
        services.TryAddSingleton<IMessageLog>(sp => sp.GetRequiredService<TableMessages>());
        services.AddSingleton<IPersonalDataHolder, MessagePersonalData>();
        services.TryAddSingleton<Push.TablePushSubscriptions>();
        services.TryAddSingleton<IPushSubscriptions>(sp => sp.GetRequiredService<Push.TablePushSubscriptions>());
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<Push.TablePushSubscriptions>());
        return services;
    }
}
