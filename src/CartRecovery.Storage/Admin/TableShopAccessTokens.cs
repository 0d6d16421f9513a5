using Azure.Data.Tables;
using CartRecovery.Core.Admin;
using CartRecovery.Storage.Security;
using CartRecovery.Storage.Shops;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Admin;

/// <summary>
/// Each shop's Admin API access: the <c>ShopAccess</c> part of the shop's row in <c>Shops</c> (beside its install state,
/// profile and settings), in columns of its own. The access and refresh tokens are encrypted with <see cref="SecretKeyRing"/>,
/// bound to the shop and the column; scopes and times are plain so they can be shown. Writes merge only these columns
/// (the shop repository's own changes go through the row's ETag, so neither side overwrites the other); <c>shop/redact</c>
/// deletes the whole row with everything in it.
/// </summary>
public sealed class TableShopAccessTokens(StorageTables tables, SecretKeyRing keys) : IShopAccessTokens
{
    public const string TableName = TableShopRepository.TableName;
    private const int MaxRaces = 8;
    private static readonly string[] Columns = ["AccessToken", "Scopes", "GrantedAt", "ExpiresAt", "RefreshToken", "RefreshTokenExpiresAt"];

    public async Task<ShopAccess?> GetAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(shop, TableShopRepository.RowKey, Columns, cancellationToken);
        return row.HasValue && row.Value is { } entity && entity.GetString("AccessToken") is not null ? Read(shop, entity, keys) : null;
    }

    public async Task SaveAsync(string shop, ShopAccess access, CancellationToken cancellationToken)
    {
        var entity = Write(shop, access, keys);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var existing = await GetAsync(shop, cancellationToken);
        if (existing is not null && (access.RefreshToken is null || access.ExpiresAt is null || access.RefreshTokenExpiresAt is null))
        {
            await DeleteAsync(shop, cancellationToken); // a merge cannot remove columns: clear the old grant's optional ones first
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task DeleteAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        for (var race = 0; ; race++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(shop, TableShopRepository.RowKey, cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value is not { } entity || !Columns.Any(entity.ContainsKey))
            {
                return;
            }

            foreach (var column in Columns)
            {
                entity.Remove(column);
            }

            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (Azure.RequestFailedException e) when (e.IsLostRace() && race < MaxRaces)
            {
                // The shop's row changed meanwhile (another part): re-read and remove the access columns from what is there now.
            }
        }
    }

    /// <summary>The columns of a shop's access, tokens encrypted (also what a shop row's access part holds).</summary>
    public static TableEntity Write(string shop, ShopAccess access, SecretKeyRing keys) => new(shop, TableShopRepository.RowKey)
    {
        ["AccessToken"] = keys.Protect(access.AccessToken, Context(shop, "AccessToken")),
        ["Scopes"] = string.Join(',', access.Scopes),
        ["GrantedAt"] = access.GrantedAt,
        ["ExpiresAt"] = access.ExpiresAt,
        ["RefreshToken"] = access.RefreshToken is null ? null : keys.Protect(access.RefreshToken, Context(shop, "RefreshToken")),
        ["RefreshTokenExpiresAt"] = access.RefreshTokenExpiresAt,
    };

    public static ShopAccess Read(string shop, TableEntity entity, SecretKeyRing keys) => new(
        keys.Unprotect(entity.GetString("AccessToken"), Context(shop, "AccessToken")),
        ShopAccess.ParseScopes(entity.GetString("Scopes")),
        entity.GetDateTimeOffset("GrantedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("ExpiresAt"),
        entity.GetString("RefreshToken") is { } refresh ? keys.Unprotect(refresh, Context(shop, "RefreshToken")) : null,
        entity.GetDateTimeOffset("RefreshTokenExpiresAt"));

    private static string Context(string shop, string column) => $"ShopAccess|{shop}|{column}";
}
