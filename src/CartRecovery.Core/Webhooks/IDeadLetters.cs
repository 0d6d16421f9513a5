namespace CartRecovery.Core.Webhooks;

/// <summary>The deliveries of a shop that processing gave up on.</summary>
public interface IDeadLetters
{
    Task<IReadOnlyList<DeadLetter>> ListAsync(string shop, int max, CancellationToken cancellationToken);
}
