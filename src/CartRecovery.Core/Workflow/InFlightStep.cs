using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Workflow;

/// <summary>
/// The step whose side effect has been decided but whose outcome is not recorded yet: the outbox. It is persisted before the
/// effect runs, so a host that crashes re-runs it with the same idempotency key.
/// </summary>
public sealed record InFlightStep(StepRequest Request, int Generation, DateTimeOffset DecidedAt);
