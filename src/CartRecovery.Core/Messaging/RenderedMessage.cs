namespace CartRecovery.Core.Messaging;

/// <summary>
/// A message ready for a channel provider. Email uses Subject/Preheader/Html/Text and Headers (List-Unsubscribe …);
/// SMS uses Text; push uses Title and Text; every channel carries the tracked <see cref="ActionUrl"/>.
/// <see cref="CopySource"/> is "template" or "ai"; when AI copy was refused, <see cref="FallbackReason"/> says why.
/// </summary>
public sealed record RenderedMessage(
    Channel Channel,
    string Locale,
    string? Subject,
    string? Preheader,
    string? Html,
    string Text,
    string? Title,
    string ActionUrl,
    IReadOnlyDictionary<string, string> Headers,
    string CopySource,
    string? FallbackReason);
