using Azure.Data.Tables;
using CartRecovery.Core.Admin;
using CartRecovery.Storage.Security;

namespace CartRecovery.Storage.Admin;

/// <summary>
/// Each shop's Admin API access in table <c>ShopAccess</c> (one row per shop). The access and refresh tokens are encrypted
/// with <see cref="SecretKeyRing"/>, bound to the shop and the column; scopes and times are plain so they can be shown.
/// </summary>
public sealed class TableShopAccessTokens(StorageTables tables, SecretKeyRing keys) : IShopAccessTokens
{
    public const string TableName = "ShopAccess";

    public async Task<ShopAccess?> GetAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(shop, string.Empty, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? Read(shop, entity, keys) : null;
    }

    public async Task SaveAsync(string shop, ShopAccess access, CancellationToken cancellationToken)
    {
        var entity = Write(shop, access, keys);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task DeleteAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(shop, string.Empty, cancellationToken: cancellationToken);
    }

    /// <summary>The columns of a shop's access, tokens encrypted (also what a shop row's access part holds).</summary>
    public static TableEntity Write(string shop, ShopAccess access, SecretKeyRing keys) => new(shop, string.Empty)
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
