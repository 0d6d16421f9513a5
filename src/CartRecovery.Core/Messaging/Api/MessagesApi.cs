using CartRecovery.Core.Http;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Messaging.Log;

namespace CartRecovery.Core.Messaging.Api;

/// <summary>
/// The merchant's view of sent messages: <c>GET /api/stores/{shop}/messages</c> (paged, newest first, <c>channel</c> and
/// <c>status</c> filters), <c>GET …/messages/{id}</c> and <c>GET …/messages/{id}/preview</c> (HTML).
/// </summary>
public sealed class MessagesApi(IMessageLog log, SessionTokenValidator sessions)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public async Task<HostResponse> ListAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(sessions, request, out var shop) is { } refused)
        {
            return refused;
        }

        if (!TryParse<Channel>(request.QueryValue("channel"), out var channel))
        {
            return HostResponse.Problem(400, "Invalid channel", "channel must be one of popup, email, sms, push.");
        }

        if (!TryParse<MessageStatus>(request.QueryValue("status"), out var status))
        {
            return HostResponse.Problem(400, "Invalid status", "status must be one of sending, sent, skipped, failed, pendingDisplay, displayed.");
        }

        var pageSize = DefaultPageSize;
        if (request.QueryValue("pageSize") is { } size && (!int.TryParse(size, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return HostResponse.Problem(400, "Invalid page size", $"pageSize must be a whole number from 1 to {MaxPageSize}.");
        }

        try
        {
            var page = await log.ListAsync(new MessageQuery(shop, channel, status, pageSize, request.QueryValue("continuationToken")), cancellationToken);
            return HostResponse.Ok(new { items = page.Items.Select(MessageSummary.From), continuationToken = page.ContinuationToken });
        }
        catch (ArgumentException)
        {
            return HostResponse.Problem(400, "Invalid continuation token", "Pass back the continuationToken of the previous page unchanged.");
        }
    }

    public async Task<HostResponse> GetAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(sessions, request, out var shop) is { } refused)
        {
            return refused;
        }

        var record = await log.GetAsync(shop, request.RouteValue("id") ?? string.Empty, cancellationToken);
        return record is null ? NotFound() : HostResponse.Ok(MessageDetail.From(record));
    }

    public async Task<HostResponse> PreviewAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(sessions, request, out var shop) is { } refused)
        {
            return refused;
        }

        var record = await log.GetAsync(shop, request.RouteValue("id") ?? string.Empty, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        var page = HostResponse.Text(MessagePreviewPage.Render(record), "text/html; charset=utf-8");
        return page with { Headers = MessagePreviewPage.SecurityHeaders };
    }

    private static HostResponse NotFound() => HostResponse.Problem(404, "Message not found", "No message of this store has that id.");

    private static bool TryParse<T>(string? value, out T? parsed)
        where T : struct, Enum
    {
        parsed = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!value.All(char.IsAsciiLetter) || !Enum.TryParse<T>(value, ignoreCase: true, out var result))
        {
            return false;
        }

        parsed = result;
        return true;
    }
}
