using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Messaging.Composition;

/// <summary>Up to <c>max</c> products to suggest with a cart. The seam for catalogue data; until the product has some, <see cref="NoRecommendations"/> answers.</summary>
public interface IRecommendations
{
    Task<IReadOnlyList<Recommendation>> ForCartAsync(CartSnapshot cart, int max, CancellationToken cancellationToken);
}
