namespace CartRecovery.Core.Messaging.Composition;

/// <summary>What the email templates (HTML and plain text) are rendered from.</summary>
public sealed record EmailModel(
    string Lang,
    string StoreName,
    string Subject,
    string Preheader,
    string Greeting,
    IReadOnlyList<string> Paragraphs,
    string? Code,
    string CodeLabel,
    string ItemsHeading,
    IReadOnlyList<LineItemView> Items,
    string QuantityLabel,
    string TotalLabel,
    string Total,
    string Cta,
    string ActionUrl,
    IReadOnlyList<RecommendationView> Recommendations,
    string RecommendationsHeading,
    string Footer,
    string UnsubscribeLabel,
    string UnsubscribeUrl,
    string PixelUrl);

/// <summary>A recommendation as the email shows it, with its tracked link.</summary>
public sealed record RecommendationView(string Title, string Url, string Price);

/// <summary>What the SMS and push templates are rendered from.</summary>
public sealed record ShortTextModel(string Body, string ActionUrl, string Stop);
