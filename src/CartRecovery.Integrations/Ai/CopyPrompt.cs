using System.Text.Json;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;

namespace CartRecovery.Integrations.Ai;

/// <summary>The instructions, the facts and the JSON schema (strict) sent to the model.</summary>
internal static class CopyPrompt
{
    public const string SchemaName = "recovery_copy";

    public static readonly BinaryData Schema = BinaryData.FromString("""
        {
          "type": "object",
          "properties": {
            "subject": { "type": "string", "description": "Email subject, push title or empty for SMS." },
            "preheader": { "type": "string", "description": "Email preview text; empty for other channels." },
            "paragraphs": { "type": "array", "items": { "type": "string" }, "description": "Body paragraphs, plain text." },
            "callToAction": { "type": "string", "description": "Button label." }
          },
          "required": ["subject", "preheader", "paragraphs", "callToAction"],
          "additionalProperties": false
        }
        """);

    private static readonly IReadOnlyDictionary<string, string> LanguageNames = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["de"] = "German",
        ["fr"] = "French",
        ["es"] = "Spanish",
        ["ja"] = "Japanese",
    };

    public static string System(CopyFacts facts) =>
        $"""
        You write short cart-recovery messages for an online store. Write in {LanguageNames[facts.Language]} only, in a {facts.Tone} tone.
        Use only the facts given. Never invent products, prices, discounts, discount codes, percentages, deadlines or dates.
        Mention a discount only if the facts contain an incentive, and then only its exact code and value.
        Do not include links, URLs, email addresses, HTML or markdown; the store adds the button and links itself.
        Do not greet the customer by name; the greeting is added separately.
        Limits for {facts.Channel}: {Limits(facts.Channel)}.
        """;

    public static string User(CopyFacts facts) => JsonSerializer.Serialize(new
    {
        intent = facts.Intent.ToString(),
        channel = facts.Channel.ToString(),
        store = facts.StoreName,
        items = facts.Items.Select(i => new { title = i.Title, variant = i.Variant, quantity = i.Quantity, price = i.FormattedLinePrice }),
        total = facts.FormattedTotal,
        incentive = facts.Incentive is { } incentive
            ? new { code = incentive.Code, percentOff = incentive.PercentOff, amountOff = incentive.FormattedAmountOff, expires = incentive.FormattedExpiry }
            : null,
    });

    private static string Limits(Channel channel)
    {
        var limits = Core.Messaging.Composition.Guardrails.CopyLimits.For(channel);
        return channel switch
        {
            Channel.Email => $"subject at most {limits.Subject} characters, preheader at most {limits.Preheader}, 1 to {limits.MaxParagraphs} paragraphs of at most {limits.Paragraph} characters, call to action at most {limits.CallToAction}",
            Channel.Sms => $"one paragraph of at most {limits.Paragraph} characters, empty subject and preheader",
            _ => $"subject (title) at most {limits.Subject} characters, one paragraph of at most {limits.Paragraph} characters, empty preheader",
        };
    }
}
