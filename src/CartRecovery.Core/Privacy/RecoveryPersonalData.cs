using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;

namespace CartRecovery.Core.Privacy;

/// <summary>
/// Recoveries hold the cart snapshot (contact details) and the customer key (an email when there is no customer id), both in
/// their summaries and in the engine's own copy, so the privacy webhooks reach them on either host: export lists a customer's
/// recoveries, erasure deletes the engine's copy and then the summary. That order matters twice: a summary written
/// concurrently by a runner cannot outlive the erasure (<see cref="SummaryWrites.SaveUnlessErasedAsync"/>), and a failed
/// engine erasure leaves the summary, through which the retried delivery finds the recovery again.
/// A customer named only by phone is not matched: recoveries are keyed by customer id or email.
/// </summary>
public sealed class RecoveryPersonalData(ISequenceIndex index, IRecoveryEraser engine) : IPersonalDataHolder
{
    public string Name => "recoveries";

    public async Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var found = new List<object>();
        foreach (var key in KeysOf(customer))
        {
            await foreach (var summary in index.ForCustomerAsync(shop, key, cancellationToken).ConfigureAwait(false))
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
            await foreach (var summary in index.ForCustomerAsync(shop, key, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(summary.Id);
            }

            foreach (var id in ids)
            {
                await EraseAsync(shop, id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await index.ListAsync(shop, null, token, 200, cancellationToken).ConfigureAwait(false);
            foreach (var summary in page.Items)
            {
                await EraseAsync(shop, summary.Id, cancellationToken).ConfigureAwait(false);
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    private async Task EraseAsync(string shop, string id, CancellationToken cancellationToken)
    {
        await engine.EraseAsync(new WorkflowId(id), cancellationToken).ConfigureAwait(false);
        await index.DeleteAsync(shop, id, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<string> KeysOf(CustomerRef customer) =>
        new[] { CustomerKey.From(customer.Id, null), CustomerKey.From(null, customer.Email) }.OfType<string>().Distinct();
}
