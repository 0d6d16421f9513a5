namespace CartRecovery.Storage;

/// <summary>Where the product's tables live (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A storage connection string; <c>UseDevelopmentStorage=true</c> is Azurite on its default ports.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>With managed identity instead of a key: the table endpoint, e.g. <c>https://acct.table.core.windows.net</c>. Wins over the connection string.</summary>
    public string? TableEndpoint { get; set; }

    /// <summary>Client id of a user-assigned managed identity (empty: system-assigned, or the developer's credential locally).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix of every table name, so several deployments or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "cr";
}
