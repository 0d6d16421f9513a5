namespace CartRecovery.Core.Messaging.Composition;

/// <summary>AI copy switched off (no key configured): every message uses its template.</summary>
public sealed class NoAiCopy : IAiCopyWriter
{
    public bool Enabled => false;

    public Task<MessageCopy> WriteAsync(CopyFacts facts, CancellationToken cancellationToken) =>
        throw new NotSupportedException("AI copy is not configured (Ai:ApiKey is empty).");
}
