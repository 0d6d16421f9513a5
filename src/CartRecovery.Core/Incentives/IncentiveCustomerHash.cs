using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Core.Incentives;

/// <summary>
/// How the ledger names a customer: a hash of shop and customer key, so the per-customer limit works without an address or
/// id in the clear. One place, because privacy erasure must find the same rows the issuer wrote.
/// </summary>
public static class IncentiveCustomerHash
{
    public static string Of(string shop, string customerKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{shop}|{customerKey}")));
}
