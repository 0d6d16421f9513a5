namespace CartRecovery.Core.Tracking;

/// <summary>Keeps links as they are (no storage to hold short ids, e.g. in unit tests).</summary>
public sealed class NoLinkShortener : ILinkShortener
{
    public Task<string> ShortenAsync(string shop, string url, DateTimeOffset expiresAt, CancellationToken cancellationToken) => Task.FromResult(url);

    public Task<string?> ResolveAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
