using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Messaging.Composition;

/// <summary>We hold no catalogue data yet, so the recommendations section is omitted from every message.</summary>
public sealed class NoRecommendations : IRecommendations
{
    public Task<IReadOnlyList<Recommendation>> ForCartAsync(CartSnapshot cart, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Recommendation>>([]);
}
