using Azure;
using CartRecovery.Core.Abandonment;

namespace CartRecovery.Storage.Carts;

/// <summary>A tracked cart as read, with the ETag a conditional write needs and the due time its row points at.</summary>
public sealed record LoadedCart(TrackedCart Cart, ETag ETag, DateTimeOffset? DueAt, string? CustomerKeyHash)
{
    public bool Exists => ETag != default;
}
