using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using CartRecovery.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the <c>Storage</c> section and registers one <see cref="TableServiceClient"/>
    /// (its pooled connections shared by every table) and <see cref="StorageTables"/>. With <c>Storage:TableEndpoint</c> the
    /// client authenticates with managed identity (the user-assigned one when <c>Storage:ManagedIdentityClientId</c> is set,
    /// otherwise <see cref="DefaultAzureCredential"/>); without it, with <c>Storage:ConnectionString</c>. A
    /// <see cref="TableClientOptions"/> registered beforehand replaces <see cref="StorageClientOptions.Create"/> (retries, timeouts, transport).
    /// </summary>
    public static IServiceCollection AddCartRecoveryStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.TryAddSingleton(provider => CreateServiceClient(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetService<TableClientOptions>() ?? StorageClientOptions.Create()));
        services.TryAddSingleton<StorageTables>();
        return services;
    }

    internal static TableServiceClient CreateServiceClient(StorageOptions options, TableClientOptions clientOptions)
    {
        if (string.IsNullOrWhiteSpace(options.TableEndpoint))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        if (!Uri.TryCreate(options.TableEndpoint, UriKind.Absolute, out var endpoint))
        {
            throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions), ["Storage:TableEndpoint must be an absolute URL such as https://account.table.core.windows.net."]);
        }

        return new TableServiceClient(endpoint, CreateCredential(options.ManagedIdentityClientId), clientOptions);
    }

    internal static TokenCredential CreateCredential(string? managedIdentityClientId) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));
}
