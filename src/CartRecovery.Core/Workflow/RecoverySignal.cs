using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Workflow;

/// <summary>
/// Everything from outside that can change a running recovery. One type, so the Durable orchestrator waits on exactly one
/// external event name per loop iteration and the embedded runner on one inbox.
/// </summary>
[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(OrderPlaced), "order")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(OptedOut), "optOut")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(CartUpdated), "cartUpdated")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(CartGone), "cartGone")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(MerchantStop), "stop")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(MerchantRestart), "restart")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(StoreRemoved), "storeRemoved")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(MessageEngaged), "engaged")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(Superseded), "superseded")]
public abstract record RecoverySignal(DateTimeOffset At);

/// <summary>An order was created for this cart or checkout: the recovery stops as purchased and the order is attributed.</summary>
public sealed record OrderPlaced(DateTimeOffset At, long OrderId, decimal Total, string Currency, IReadOnlyList<string> DiscountCodes, string? LandingSite) : RecoverySignal(At);

/// <summary>The customer opted out of one channel (or of all, when <see cref="Channel"/> is null).</summary>
public sealed record OptedOut(DateTimeOffset At, Channel? Channel) : RecoverySignal(At);

/// <summary>The cart changed: the recovery continues with the new contents (or restarts, per the store's setting).</summary>
public sealed record CartUpdated(DateTimeOffset At, CartSnapshot Cart) : RecoverySignal(At);

/// <summary>The cart was emptied or the checkout deleted.</summary>
public sealed record CartGone(DateTimeOffset At) : RecoverySignal(At);

/// <summary>The merchant stopped this recovery through the API.</summary>
public sealed record MerchantStop(DateTimeOffset At, string Reason) : RecoverySignal(At);

/// <summary>The merchant restarted this recovery from its first step.</summary>
public sealed record MerchantRestart(DateTimeOffset At) : RecoverySignal(At);

/// <summary>The app was uninstalled from the store.</summary>
public sealed record StoreRemoved(DateTimeOffset At) : RecoverySignal(At);

/// <summary>A message of this recovery was opened or clicked (feeds "previous message opened" step conditions).</summary>
public sealed record MessageEngaged(DateTimeOffset At, string StepId, bool Clicked) : RecoverySignal(At);

/// <summary>A newer checkout of the same shopper took over: one shopper, one recovery.</summary>
public sealed record Superseded(DateTimeOffset At, string ByCartKey) : RecoverySignal(At);
