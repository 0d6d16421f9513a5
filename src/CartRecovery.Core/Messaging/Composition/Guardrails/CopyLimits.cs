namespace CartRecovery.Core.Messaging.Composition.Guardrails;

/// <summary>
/// How long AI copy may be on each channel. Email subjects stay under the 78 characters RFC 5322 recommends for a line;
/// SMS leaves room for the store name, the link and the STOP wording in a few segments; push fits a lock-screen.
/// </summary>
public sealed record CopyLimits(int Subject, int Preheader, int MaxParagraphs, int Paragraph, int Body, int CallToAction)
{
    public static CopyLimits For(Channel channel) => channel switch
    {
        Channel.Email => new CopyLimits(Subject: 78, Preheader: 140, MaxParagraphs: 4, Paragraph: 500, Body: 1500, CallToAction: 40),
        Channel.Sms => new CopyLimits(Subject: 0, Preheader: 0, MaxParagraphs: 1, Paragraph: 200, Body: 200, CallToAction: 40),
        Channel.Push => new CopyLimits(Subject: 50, Preheader: 0, MaxParagraphs: 1, Paragraph: 180, Body: 180, CallToAction: 40),
        _ => new CopyLimits(Subject: 60, Preheader: 0, MaxParagraphs: 1, Paragraph: 200, Body: 200, CallToAction: 40),
    };
}
