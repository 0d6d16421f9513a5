using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Abandonment;

/// <summary>The new state of a cart and the signals its running recovery must receive because of the change.</summary>
public sealed record CartTransition(TrackedCart Cart, IReadOnlyList<RecoverySignal> Signals)
{
    public bool Changed { get; init; } = true;

    public static CartTransition Unchanged(TrackedCart cart) => new(cart, []) { Changed = false };
}
