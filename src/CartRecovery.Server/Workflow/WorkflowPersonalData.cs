using CartRecovery.Core.Carts;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Workflow.Sequences;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// Recoveries hold the cart snapshot (contact details) and the customer key (an email when there is no customer id), so the
/// privacy webhooks reach them: export lists a customer's recoveries, erasure deletes their state, inbox and summary.
/// A customer named only by phone is not matched: recoveries are keyed by customer id or email.
/// </summary>
internal sealed class WorkflowPersonalData(WorkflowStore store, ISequenceIndex index) : IPersonalDataHolder
{
    public string Name => "recoveries";

    public async Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var found = new List<object>();
        foreach (var key in KeysOf(customer))
        {
            await foreach (var summary in index.ForCustomerAsync(shop, key, cancellationToken))
            {
                found.Add(summary);
            }
        }

        return found;
    }

    public async Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        foreach (var key in KeysOf(customer))
        {
            var ids = new List<string>();
            await foreach (var summary in index.ForCustomerAsync(shop, key, cancellationToken))
            {
                ids.Add(summary.Id);
            }

            foreach (var id in ids)
            {
                await EraseAsync(shop, id, cancellationToken);
            }
        }
    }

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await index.ListAsync(shop, null, token, 200, cancellationToken);
            foreach (var summary in page.Items)
            {
                await EraseAsync(shop, summary.Id, cancellationToken);
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    private async Task EraseAsync(string shop, string id, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(id, cancellationToken);
        await index.DeleteAsync(shop, id, cancellationToken);
    }

    private static IEnumerable<string> KeysOf(CustomerRef customer) =>
        new[] { CustomerKey.From(customer.Id, null), CustomerKey.From(null, customer.Email) }.OfType<string>().Distinct();
}
