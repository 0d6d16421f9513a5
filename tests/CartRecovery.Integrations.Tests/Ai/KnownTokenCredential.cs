using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;

namespace CartRecovery.Integrations.Tests.Ai;

/// <summary>
/// A credential that hands out one known token (or fails as an unreachable managed identity does, when the token is null)
/// and records the scopes asked for: there is no Entra ID to reach from a test.
/// </summary>
internal sealed class KnownTokenCredential(string? token) : TokenCredential
{
    private readonly ConcurrentQueue<string> scopes = new();

    public IEnumerable<string> Scopes => scopes;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            scopes.Enqueue(scope);
        }

        return token is null
            ? throw new CredentialUnavailableException("No managed identity endpoint in this test.")
            : new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
