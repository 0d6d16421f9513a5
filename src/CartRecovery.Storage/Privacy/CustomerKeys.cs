using CartRecovery.Core.Carts;
using CartRecovery.Core.Privacy;

namespace CartRecovery.Storage.Privacy;

/// <summary>
/// Every customer key the product may have written for a customer a privacy request names: by id, by email (guests) and by
/// phone (the frequency cap's key for a shopper known only by phone).
/// </summary>
internal static class CustomerKeys
{
    public static IReadOnlyList<string> Of(CustomerRef customer) =>
        new[]
        {
            CustomerKey.From(customer.Id, null),
            CustomerKey.From(null, customer.Email),
            PhoneNumbers.ToE164(customer.Phone) is { } phone ? $"phone:{phone}" : null,
        }.OfType<string>().ToList();
}
