namespace CartRecovery.Core.Tracking;

/// <summary>
/// Short links for channels where every character costs (SMS): <c>{base}/api/s/{id}</c> stands for a signed click link.
/// The id is random and unguessable; the long link keeps its own signature and expiry.
/// </summary>
public interface ILinkShortener
{
    /// <summary>A short link that resolves to <paramref name="url"/> until <paramref name="expiresAt"/>.</summary>
    Task<string> ShortenAsync(string shop, string url, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The long link behind a short id, or null when unknown or expired.</summary>
    Task<string?> ResolveAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
}
