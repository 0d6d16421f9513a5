namespace CartRecovery.Core.Messaging.Composition;

/// <summary>
/// Writes message copy with a language model. Throws on any failure (timeout as <see cref="TimeoutException"/>); the composer
/// then uses the template copy and records why. Its answers are checked by <see cref="CopyGuardrails"/> before use.
/// </summary>
public interface IAiCopyWriter
{
    /// <summary>False when no model is configured: messages use templates only.</summary>
    bool Enabled { get; }

    Task<MessageCopy> WriteAsync(CopyFacts facts, CancellationToken cancellationToken);
}
