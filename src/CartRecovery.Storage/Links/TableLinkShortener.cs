using System.Security.Cryptography;
using Azure.Data.Tables;
using CartRecovery.Core.Tracking;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Links;

/// <summary>
/// Short links on Table Storage (table <c>ShortLinks</c>, one partition per id, so a lookup is one point read).
/// Ids are 12 random base62 characters (about 71 bits): a short link cannot be guessed to reach someone's checkout.
/// </summary>
public sealed class TableLinkShortener(StorageTables tables, AppLinkOptions options) : ILinkShortener
{
    public const string TableName = "ShortLinks";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int IdLength = 12;

    public async Task<string> ShortenAsync(string shop, string url, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var id = RandomNumberGenerator.GetString(Alphabet, IdLength);
        await table.AddEntityAsync(new TableEntity(id, string.Empty) { ["Url"] = url, ["Shop"] = shop, ["ExpiresAt"] = expiresAt }, cancellationToken);
        return $"{options.BaseUrl}/api/s/{id}";
    }

    public async Task<string?> ResolveAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync(id, string.Empty, cancellationToken: cancellationToken);
        return row is not null && row.GetDateTimeOffset("ExpiresAt") > now ? row.GetString("Url") : null;
    }
}
