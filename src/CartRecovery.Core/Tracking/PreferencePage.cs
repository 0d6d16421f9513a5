using CartRecovery.Core.Http;
using CartRecovery.Core.Messaging.Composition;
using HandlebarsDotNet;

namespace CartRecovery.Core.Tracking;

/// <summary>
/// The unsubscribe preference page, in the message's language. Served with a strict CSP (no script at all, form posts only
/// to itself), no framing and no referrer, so the token in its address does not leak.
/// </summary>
public static class PreferencePage
{
    private static readonly Lazy<HandlebarsTemplate<object, object>> Template = new(() =>
        Handlebars.Create().Compile(EmbeddedResources.ReadText("Templates.preferences.html.hbs")));

    public static HostResponse Form(TrackingToken token, string rawToken, string storeName, string csrf)
    {
        var text = LocaleText.For(Language(token.Locale));
        var values = Values(text, token, storeName);
        return Render(200, new PageModel(
            text.Language,
            text.Get("preferences.title"),
            text.Get("preferences.intro", values),
            true,
            "/api/u/" + Uri.EscapeDataString(rawToken),
            csrf,
            text.Get("preferences.thisChannel", values),
            text.Get("preferences.allChannels"),
            text.Get("preferences.submit")));
    }

    public static HostResponse Done(TrackingToken token, string storeName)
    {
        var text = LocaleText.For(Language(token.Locale));
        return Render(200, Message(text, text.Get("preferences.done", Values(text, token, storeName))));
    }

    public static HostResponse Invalid(string? locale, int status)
    {
        var text = LocaleText.For(Language(locale));
        return Render(status, Message(text, text.Get("preferences.invalid")));
    }

    private static PageModel Message(LocaleText text, string message) =>
        new(text.Language, text.Get("preferences.title"), message, false, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    private static Dictionary<string, string> Values(LocaleText text, TrackingToken token, string storeName) => new()
    {
        ["store"] = storeName,
        ["channel"] = text.Get("channels." + token.Channel.ToString().ToLowerInvariant()),
    };

    private static string Language(string? locale) => MessageLocale.Supported.Contains(locale ?? string.Empty) ? locale! : "en";

    private static HostResponse Render(int status, PageModel model) =>
        HostResponse.Text(Template.Value(model), "text/html; charset=utf-8", status) with
        {
            Headers = new Dictionary<string, string>
            {
                ["Cache-Control"] = "no-store",
                ["Referrer-Policy"] = "no-referrer",
                ["X-Frame-Options"] = "DENY",
                ["X-Content-Type-Options"] = "nosniff",
                ["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            },
        };

    private sealed record PageModel(string Lang, string Title, string Message, bool ShowForm, string Action, string Csrf, string ThisChannel, string AllChannels, string Submit);
}
