using System.Collections.Concurrent;
using CartRecovery.Core.Webhooks;

namespace CartRecovery.Core.Tests.Webhooks;

/// <summary>An in-memory inbox for the handler's unit tests (the Table-backed inbox is tested against Azurite).</summary>
internal sealed class RecordingInbox : IWebhookInbox
{
    private readonly ConcurrentDictionary<string, WebhookDelivery> deliveries = new();

    public Exception? FailWith { get; set; }

    public IReadOnlyCollection<WebhookDelivery> Deliveries => deliveries.Values.ToArray();

    public Task<InboxAcceptance> AcceptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (FailWith is not null)
        {
            throw FailWith;
        }

        return Task.FromResult(deliveries.TryAdd(delivery.WebhookId, delivery with { Body = delivery.Body.ToArray() }) ? InboxAcceptance.Accepted : InboxAcceptance.Duplicate);
    }
}
