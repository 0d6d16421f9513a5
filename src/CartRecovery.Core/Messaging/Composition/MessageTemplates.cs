using HandlebarsDotNet;

namespace CartRecovery.Core.Messaging.Composition;

/// <summary>
/// The compiled Handlebars templates (embedded <c>Templates/*.hbs</c>). HTML templates escape every value; text templates
/// (plain-text email part, SMS, push) do not, because their readers show text, not markup.
/// </summary>
public static class MessageTemplates
{
    private static readonly Lazy<HandlebarsTemplate<object, object>> EmailHtmlTemplate = new(() => Compile("email.html.hbs", escape: true));
    private static readonly Lazy<HandlebarsTemplate<object, object>> EmailTextTemplate = new(() => Compile("email.txt.hbs", escape: false));
    private static readonly Lazy<HandlebarsTemplate<object, object>> SmsTemplate = new(() => Compile("sms.txt.hbs", escape: false));
    private static readonly Lazy<HandlebarsTemplate<object, object>> PushTemplate = new(() => Compile("push.txt.hbs", escape: false));

    public static string EmailHtml(EmailModel model) => EmailHtmlTemplate.Value(model);

    public static string EmailText(EmailModel model) => Tidy(EmailTextTemplate.Value(model));

    public static string Sms(ShortTextModel model) => SmsTemplate.Value(model).Trim();

    public static string Push(ShortTextModel model) => PushTemplate.Value(model).Trim();

    private static HandlebarsTemplate<object, object> Compile(string name, bool escape)
    {
        var environment = Handlebars.Create(new HandlebarsConfiguration { NoEscape = !escape, ThrowOnUnresolvedBindingExpression = true });
        return environment.Compile(EmbeddedResources.ReadText("Templates." + name));
    }

    /// <summary>Collapses the blank lines left by block helpers to at most one.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines.Select(l => l.TrimEnd()))
        {
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0))
            {
                continue;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept).Trim() + "\n";
    }
}
