using CartRecovery.Core.Http;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shops;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Tracking;

/// <summary>
/// <c>GET /api/u/{token}</c> shows the preference page (leave this channel or everything); <c>POST /api/u/{token}</c> either
/// is an RFC 8058 one-click unsubscribe (body <c>List-Unsubscribe=One-Click</c>, no page needed, opts out of the message's
/// channel) or the page's form (with its CSRF proof bound to the token).
/// </summary>
public sealed partial class UnsubscribeHandler(TokenSigner signer, OptOutService optOut, IShopRepository shops, TimeProvider time, ILogger<UnsubscribeHandler> logger)
{
    public const string FormPurpose = "unsubscribe-form";

    /// <summary>The preference form and RFC 8058's one-click body are a few fields; both hosts refuse more with 413.</summary>
    public const long MaxFormBytes = 16 * 1024;

    public async Task<HostResponse> PageAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var value = request.RouteValue("token") ?? string.Empty;
        var check = signer.Verify(value, TokenPurpose.Unsubscribe, time.GetUtcNow());
        if (!check.IsValid)
        {
            return PreferencePage.Invalid(check.Token?.Locale, check.Status == TokenStatus.Expired ? 410 : 400);
        }

        var store = (await shops.GetAsync(check.Token!.Shop, cancellationToken)).Profile;
        return PreferencePage.Form(check.Token, value, store.Name, signer.Proof(FormPurpose, value));
    }

    public async Task<HostResponse> PostAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var value = request.RouteValue("token") ?? string.Empty;
        var check = signer.Verify(value, TokenPurpose.Unsubscribe, time.GetUtcNow());
        if (!check.IsValid)
        {
            return HostResponse.Problem(check.Status == TokenStatus.Expired ? 410 : 400, "Invalid link", check.Reason);
        }

        var token = check.Token!;
        var form = FormBody.Parse(request.Body.Span, request.Header("Content-Type"));
        if (form.TryGetValue("List-Unsubscribe", out var oneClick) && oneClick == "One-Click")
        {
            return await OptOutAsync(token, token.Channel, cancellationToken) ?? HostResponse.Text("Unsubscribed.\n");
        }

        if (!signer.VerifyProof(FormPurpose, value, form.GetValueOrDefault("csrf")))
        {
            return HostResponse.Problem(403, "Forbidden", "The form is missing its proof; open the link from your message again.");
        }

        var scope = form.GetValueOrDefault("scope");
        if (scope is not ("all" or "channel"))
        {
            return HostResponse.Problem(400, "Invalid form", "scope must be 'channel' or 'all'.");
        }

        Channel? channel = scope == "all" ? null : token.Channel;
        var store = (await shops.GetAsync(token.Shop, cancellationToken)).Profile;
        return await OptOutAsync(token, channel, cancellationToken) ?? PreferencePage.Done(token, store.Name);
    }

    /// <summary>Null when done; a 503 when the suppression could not be written (so the mail provider or the customer retries).</summary>
    private async Task<HostResponse?> OptOutAsync(TrackingToken token, Channel? channel, CancellationToken cancellationToken)
    {
        try
        {
            await optOut.OptOutAsync(token, channel, cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogOptOutFailed(logger, exception, token.MessageId, token.Shop);
            return HostResponse.Problem(503, "Try again", "The unsubscribe could not be saved; please try again in a moment.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Opt-out for message {MessageId} of {Shop} failed")]
    private static partial void LogOptOutFailed(ILogger logger, Exception exception, string messageId, string shop);
}
