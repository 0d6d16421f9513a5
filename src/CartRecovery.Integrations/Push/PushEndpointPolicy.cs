namespace CartRecovery.Integrations.Push;

/// <summary>Which subscription endpoints the server will post to: https (unless configured otherwise) on an allowed push service.</summary>
public static class PushEndpointPolicy
{
    public static bool IsAllowed(string? endpoint, WebPushSettings settings) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (settings.AllowInsecureEndpoints && uri.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(uri.UserInfo)
        && settings.AllowedEndpointHosts.Any(allowed =>
            uri.Host.Equals(allowed, StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith("." + allowed, StringComparison.OrdinalIgnoreCase));
}
