namespace CartRecovery.Core.Messaging.Composition;

/// <summary>
/// The words of a message, apart from its layout: what templates and the AI both produce and what guardrails check.
/// <see cref="Subject"/> is the email subject, the push title or the popup heading (null for SMS).
/// </summary>
public sealed record MessageCopy(string? Subject, string? Preheader, IReadOnlyList<string> Paragraphs, string CallToAction);
