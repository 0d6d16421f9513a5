namespace CartRecovery.Core.Messaging;

/// <summary>Turns a step into the message for its channel: template or AI copy, locale, tracked links, unsubscribe headers.</summary>
public interface IMessageComposer
{
    /// <param name="messageId">The id the message is recorded under; tracking and unsubscribe links are signed for it.</param>
    Task<RenderedMessage> ComposeAsync(StepRequest request, string messageId, CancellationToken cancellationToken);
}
