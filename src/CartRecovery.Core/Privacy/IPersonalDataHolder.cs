namespace CartRecovery.Core.Privacy;

/// <summary>
/// Implemented by every part of the product that stores personal data (carts, workflows, messages, suppressions …), so the
/// privacy webhooks (<c>customers/data_request</c>, <c>customers/redact</c>, <c>shop/redact</c>) reach all of it.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>A short name for the export section, e.g. "carts".</summary>
    string Name { get; }

    /// <summary>Everything held about the customer, as JSON-serialisable records.</summary>
    Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken);

    /// <summary>Deletes or anonymises every record of the customer that exists now.</summary>
    Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken);

    /// <summary>Deletes every record of the shop.</summary>
    Task EraseShopAsync(string shop, CancellationToken cancellationToken);
}
