using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Push;
using CartRecovery.Integrations.Sms;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Outbox;

/// <summary>
/// The local default for SMS and push: writes the rendered message to a JSON file instead of sending it (no network).
/// One file per idempotency key, created exclusively, so a retried send finds the first file and returns its id.
/// </summary>
public sealed class OutboxSender(IOptions<OutboxOptions> outboxOptions, TimeProvider timeProvider) : ISmsSender, IPushSender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Provider => "outbox";

    public string Directory => Path.GetFullPath(outboxOptions.Value.Directory);

    public Task<ProviderReceipt> SendAsync(string text, string toPhone, DeliveryContext context, CancellationToken cancellationToken) =>
        StoreAsync(Channel.Sms, MaskPhone(toPhone), null, text, null, context, cancellationToken);

    public Task<ProviderReceipt> SendAsync(RenderedMessage message, PushSubscription subscription, DeliveryContext context, CancellationToken cancellationToken) =>
        StoreAsync(Channel.Push, MaskEndpoint(subscription.Endpoint), message.Title, message.Text, message.ActionUrl, context, cancellationToken);

    /// <summary>Every stored message, oldest first.</summary>
    public IReadOnlyList<OutboxEntry> ReadAll() =>
        !System.IO.Directory.Exists(Directory)
            ? []
            : System.IO.Directory.EnumerateFiles(Directory, "*.json")
                .Select(file => JsonSerializer.Deserialize<OutboxEntry>(File.ReadAllBytes(file), Json)!)
                .OrderBy(entry => entry.StoredAt)
                .ToList();

    private async Task<ProviderReceipt> StoreAsync(Channel channel, string recipient, string? title, string text, string? actionUrl, DeliveryContext context, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var id = $"{channel.ToString().ToLowerInvariant()}-{IdempotencyIds.HexFor(context.IdempotencyKey)}";
        var path = Path.Combine(Directory, id + ".json");
        var entry = new OutboxEntry(id, channel.ToString(), recipient, title, text, actionUrl, timeProvider.GetUtcNow());
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await JsonSerializer.SerializeAsync(file, entry, Json, cancellationToken);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already stored by an earlier attempt of the same step: same id, nothing written twice.
        }

        return new ProviderReceipt(Provider, id);
    }

    private static string MaskPhone(string phone) =>
        phone.Length <= 4 ? new string('*', phone.Length) : new string('*', phone.Length - 4) + phone[^4..];

    private static string MaskEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/…" : "(invalid endpoint)";
}
