namespace CartRecovery.Core.Messaging.Composition;

/// <summary>What the storefront popup shows (served as JSON to recovery.js, which puts every value in as text).</summary>
public sealed record PopupContent(
    string Locale,
    string Heading,
    string Body,
    string CallToAction,
    string ActionUrl,
    string DismissLabel,
    string CloseLabel,
    IReadOnlyList<LineItemView> Items,
    string EventToken);
