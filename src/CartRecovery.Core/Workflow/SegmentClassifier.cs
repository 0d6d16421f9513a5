using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Workflow;

/// <summary>
/// Picks the sequence type, in the requirements' order: no customer or no orders yet is first-time; a lifetime value over
/// the store's high-value amount is high-value; a cart with a low-stock line is low-stock; anyone else is returning.
/// </summary>
public static class SegmentClassifier
{
    public static Segment Classify(CartSnapshot cart, RecoverySettings settings) =>
        cart.Customer is not { OrdersCount: > 0 } customer ? Segment.FirstTime
        : customer.TotalSpent > settings.HighValueAmount ? Segment.HighValue
        : cart.Lines.Any(l => l.LowStock) ? Segment.LowStock
        : Segment.Returning;
}
