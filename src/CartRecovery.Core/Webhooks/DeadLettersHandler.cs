using CartRecovery.Core.Http;
using CartRecovery.Core.Merchant;

namespace CartRecovery.Core.Webhooks;

/// <summary>
/// <c>GET /api/stores/{shop}/webhooks/dead-letters</c>: the shop's deliveries that were acknowledged but failed every processing
/// attempt, newest first. Authenticated like every merchant route (a session token for that shop): dead letters belong
/// to one shop, and an operator who holds the app's secret can mint such a token, so no second credential is needed.
/// </summary>
public sealed class DeadLettersHandler(SessionTokenValidator validator, IDeadLetters deadLetters)
{
    private const int Max = 500;

    public async Task<HostResponse> ListAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(validator, request, out var shop) is { } refused)
        {
            return refused;
        }

        var list = await deadLetters.ListAsync(shop, Max, cancellationToken).ConfigureAwait(false);
        return HostResponse.Ok(new { deadLetters = list.OrderByDescending(d => d.DeadLetteredAt ?? d.ReceivedAt).ToList(), truncated = list.Count >= Max });
    }
}
