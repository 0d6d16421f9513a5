using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Workflow;

/// <summary>The cart was abandoned at <paramref name="AbandonedAt"/>: start its recovery with the store's current settings and the host's time scale.</summary>
public sealed record RecoveryStarted(DateTimeOffset At, CartSnapshot Cart, DateTimeOffset AbandonedAt, RecoverySettings Settings, double TimeScale) : RecoveryEvent(At);
