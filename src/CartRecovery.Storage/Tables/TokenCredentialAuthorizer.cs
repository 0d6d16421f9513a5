using System.Globalization;
using Azure.Core;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// Bearer tokens from an Azure.Core <see cref="TokenCredential"/> (managed identity, developer credentials) for the
/// scope <c>https://storage.azure.com/.default</c>, cached until shortly before they expire.
/// </summary>
internal sealed class TokenCredentialAuthorizer(TokenCredential credential, TimeProvider timeProvider) : ITableRequestAuthorizer
{
    internal static readonly TokenRequestContext StorageScope = new(["https://storage.azure.com/.default"]);

    // Refresh ahead of expiry so a request never leaves with a token that expires in flight.
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim refresh = new(1, 1);
    // A reference, so readers outside the lock never see a torn struct.
    private volatile CachedToken? cached;

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.TryAddWithoutValidation("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
    }

    private async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (cached is { } current && IsFresh(current.Value))
        {
            return current.Value.Token;
        }

        await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cached is { } other && IsFresh(other.Value))
            {
                return other.Value.Token;
            }

            var token = await credential.GetTokenAsync(StorageScope, cancellationToken).ConfigureAwait(false);
            cached = new CachedToken(token);
            return token.Token;
        }
        finally
        {
            refresh.Release();
        }
    }

    private bool IsFresh(AccessToken token)
    {
        var now = timeProvider.GetUtcNow();
        return now < token.ExpiresOn - RefreshMargin && (token.RefreshOn is not { } refreshOn || now < refreshOn);
    }

    private sealed record CachedToken(AccessToken Value);
}
