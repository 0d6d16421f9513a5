namespace CartRecovery.Core.Messaging.Composition;

/// <summary>The copy each intent has in each language and channel, from the locale strings (the fallback when AI copy is off or refused).</summary>
public static class TemplateCopy
{
    public static MessageCopy For(LocaleText text, MessageIntent intent, Channel channel, string storeName, string? code)
    {
        var values = new Dictionary<string, string> { ["store"] = storeName, ["code"] = code ?? string.Empty };
        var prefix = $"intents.{intent}.";
        string Pick(string key) => code is not null && text.Has(prefix + key + "WithCode") ? text.Get(prefix + key + "WithCode", values) : text.Get(prefix + key, values);
        var cta = text.Get(prefix + "cta", values);
        return channel switch
        {
            Channel.Email => new MessageCopy(
                text.Get(prefix + "subject", values),
                text.Get(prefix + "preheader", values),
                code is not null && text.Has(prefix + "paragraphsWithCode") ? text.GetLines(prefix + "paragraphsWithCode", values) : text.GetLines(prefix + "paragraphs", values),
                cta),
            Channel.Sms => new MessageCopy(null, null, [Pick("sms")], cta),
            Channel.Push => new MessageCopy(text.Get(prefix + "pushTitle", values), null, [Pick("pushBody")], cta),
            _ => new MessageCopy(text.Get(prefix + "popupHeading", values), null, [Pick("popupBody")], cta),
        };
    }
}
