using System.Net;
using System.Text;
using CartRecovery.Core.Messaging.Log;

namespace CartRecovery.Core.Messaging.Api;

/// <summary>
/// A message as the customer saw it. Everything recorded is treated as hostile: text is HTML-encoded, and email HTML is shown
/// only inside an iframe sandboxed without scripts, same-origin, forms or top navigation, with the page itself under a
/// Content-Security-Policy that allows no script at all.
/// </summary>
public static class MessagePreviewPage
{
    /// <summary>Headers the preview is served with: no script anywhere, images only over https, framable only by Shopify admin.</summary>
    public static IReadOnlyDictionary<string, string> SecurityHeaders { get; } = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self' https://admin.shopify.com https://*.myshopify.com",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["Cache-Control"] = "no-store",
    };

    public static string Render(MessageRecord record)
    {
        var content = record.Content;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Message preview</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#202223}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}")
            .Append("dt{color:#6d7175}iframe{width:100%;height:70vh;border:1px solid #c9cccf;border-radius:8px}")
            .Append(".bubble{white-space:pre-wrap;max-width:28rem;background:#e4e5e7;border-radius:1rem;padding:.75rem 1rem}")
            .Append(".push{max-width:24rem;border:1px solid #c9cccf;border-radius:.75rem;padding:.75rem 1rem}.push b{display:block}</style></head><body>");
        html.Append("<h1>").Append(Encode(Title(record))).Append("</h1><dl>");
        Row(html, "Channel", record.Channel.ToString());
        Row(html, "Status", record.Status.ToString());
        Row(html, "Step", $"{record.StepId} ({record.Intent})");
        Row(html, "To", record.Recipient ?? "—");
        Row(html, "Created", record.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        if (record.Reason is { } reason)
        {
            Row(html, "Reason", reason);
        }

        html.Append("</dl>");
        if (content is null)
        {
            html.Append("<p>").Append(record.Erased ? "The content was erased at the customer's request." : "Nothing was composed for this message.").Append("</p>");
        }
        else
        {
            Body(html, record.Channel, content);
        }

        return html.Append("</body></html>").ToString();
    }

    private static void Body(StringBuilder html, Channel channel, RenderedMessage content)
    {
        switch (channel)
        {
            case Channel.Email:
                html.Append("<p><b>Subject:</b> ").Append(Encode(content.Subject ?? string.Empty)).Append("</p>");
                if (content.Preheader is { } preheader)
                {
                    html.Append("<p><b>Preview text:</b> ").Append(Encode(preheader)).Append("</p>");
                }

                if (content.Html is { } email)
                {
                    // srcdoc is an attribute: encoding it keeps the document inside the sandbox, whatever it contains.
                    html.Append("<iframe title=\"Email as sent\" sandbox referrerpolicy=\"no-referrer\" srcdoc=\"").Append(Encode(email)).Append("\"></iframe>");
                }

                html.Append("<h2>Plain-text part</h2><pre class=\"bubble\">").Append(Encode(content.Text)).Append("</pre>");
                break;
            case Channel.Push:
                html.Append("<div class=\"push\"><b>").Append(Encode(content.Title ?? string.Empty)).Append("</b>").Append(Encode(content.Text)).Append("</div>");
                break;
            default:
                if (content.Title is { } title)
                {
                    html.Append("<p><b>").Append(Encode(title)).Append("</b></p>");
                }

                html.Append("<div class=\"bubble\">").Append(Encode(content.Text)).Append("</div>");
                break;
        }

        html.Append("<p><b>Link:</b> <code>").Append(Encode(content.ActionUrl)).Append("</code></p>");
    }

    private static string Title(MessageRecord record) =>
        record.Content?.Subject ?? record.Content?.Title ?? $"{record.Channel} message";

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(name).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
