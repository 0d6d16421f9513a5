using CartRecovery.Core.Webhooks;

namespace CartRecovery.Core.Tests.Webhooks;

/// <summary>For the handler's unit tests: every body is new (the Table-backed guard's replay rules are tested against Azurite).</summary>
internal sealed class FirstSightReplayGuard : IWebhookReplayGuard
{
    public List<WebhookFingerprint> Checked { get; } = [];

    public Task<ReplayVerdict> CheckAsync(WebhookFingerprint fingerprint, CancellationToken cancellationToken)
    {
        lock (Checked)
        {
            Checked.Add(fingerprint);
        }

        return Task.FromResult(ReplayVerdict.New);
    }
}
