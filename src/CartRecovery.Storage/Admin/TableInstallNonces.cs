using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Admin.Install;

namespace CartRecovery.Storage.Admin;

/// <summary>
/// Install nonces in table <c>InstallNonces</c> (partition: the nonce). Consuming deletes the row with its ETag, so of two
/// callbacks racing with the same state exactly one wins; an expired row is refused (and removed).
/// </summary>
public sealed class TableInstallNonces(StorageTables tables) : IInstallNonces
{
    public const string TableName = "InstallNonces";

    public async Task<string> IssueAsync(string shop, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await table.AddEntityAsync(new TableEntity(nonce, string.Empty) { ["Shop"] = shop, ["ExpiresAt"] = expiresAt }, cancellationToken);
        return nonce;
    }

    public async Task<bool> ConsumeAsync(string shop, string nonce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (nonce.Length != 48 || !nonce.All(char.IsAsciiHexDigitLower))
        {
            return false; // not ours; also keeps odd characters out of a table key
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(nonce, string.Empty, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is null)
        {
            return false;
        }

        try
        {
            await table.DeleteEntityAsync(row.Value, row.Value.ETag, cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status is 404 or 412)
        {
            return false; // another callback consumed it first
        }

        return row.Value.GetString("Shop") == shop && row.Value.GetDateTimeOffset("ExpiresAt") > now;
    }
}
