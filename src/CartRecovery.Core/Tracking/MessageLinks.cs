using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Tracking;

/// <summary>Builds the signed links a message carries: tracked clicks (with UTM), the open pixel, unsubscribe, popup events.</summary>
public sealed class MessageLinks(AppLinkOptions options, TokenSigner signer, TimeProvider time)
{
    public AppLinkOptions Options => options;

    /// <summary>The tracked link to <paramref name="target"/>; the redirect adds the UTM parameters (kept out of the token to keep links short).</summary>
    public string Click(MessageLinkContext context, string target) =>
        $"{options.BaseUrl}/api/t/c/{Sign(context, TokenPurpose.Click, options.TrackingLifetime, target)}";

    public string OpenPixel(MessageLinkContext context) =>
        $"{options.BaseUrl}/api/t/o/{Sign(context, TokenPurpose.Open, options.TrackingLifetime)}";

    public string Unsubscribe(MessageLinkContext context) =>
        $"{options.BaseUrl}/api/u/{Sign(context, TokenPurpose.Unsubscribe, options.UnsubscribeLifetime)}";

    public string PopupEventToken(MessageLinkContext context) => Sign(context, TokenPurpose.Popup, options.TrackingLifetime);

    /// <summary>The RFC 2369 / RFC 8058 headers every email carries.</summary>
    public IReadOnlyDictionary<string, string> UnsubscribeHeaders(string unsubscribeUrl)
    {
        var value = $"<{unsubscribeUrl}>";
        if (!string.IsNullOrWhiteSpace(options.UnsubscribeMailto))
        {
            value += $", <mailto:{options.UnsubscribeMailto.Trim()}?subject=unsubscribe>";
        }

        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["List-Unsubscribe"] = value,
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
    }

    private string Sign(MessageLinkContext context, TokenPurpose purpose, TimeSpan lifetime, string? target = null)
    {
        var unsubscribe = purpose == TokenPurpose.Unsubscribe;
        return signer.Sign(new TrackingToken(
            purpose,
            context.Shop,
            context.MessageId,
            context.WorkflowId,
            context.StepId,
            context.Channel,
            context.CustomerKey,
            (time.GetUtcNow() + lifetime).ToUnixTimeSeconds(),
            target,
            purpose is TokenPurpose.Unsubscribe or TokenPurpose.Popup ? context.Locale : null,
            unsubscribe ? context.Email : null,
            unsubscribe ? context.Phone : null));
    }
}
