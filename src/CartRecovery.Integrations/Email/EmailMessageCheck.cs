using CartRecovery.Core.Messaging;

namespace CartRecovery.Integrations.Email;

/// <summary>What every email provider needs from a rendered message before it sends.</summary>
internal static class EmailMessageCheck
{
    public static string SubjectOf(RenderedMessage message) =>
        message.Channel != Channel.Email
            ? throw new ArgumentException($"A {message.Channel} message cannot be sent as email.", nameof(message))
            : string.IsNullOrWhiteSpace(message.Subject)
                ? throw new ArgumentException("An email needs a subject.", nameof(message))
                : message.Subject;
}
