namespace CartRecovery.Core.Admin.Install;

/// <summary>The state nonces of the authorization code grant: issued with the redirect to Shopify, consumed once by the callback.</summary>
public interface IInstallNonces
{
    Task<string> IssueAsync(string shop, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>True exactly once for a nonce issued for <paramref name="shop"/> that has not expired; false for anything else.</summary>
    Task<bool> ConsumeAsync(string shop, string nonce, DateTimeOffset now, CancellationToken cancellationToken);
}
