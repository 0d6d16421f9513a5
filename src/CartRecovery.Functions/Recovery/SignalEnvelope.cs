using CartRecovery.Core.Workflow;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// The payload of the orchestration's one external event. Wrapped so the serializer sees the declared base type and writes
/// the signal's "kind" discriminator (a bare object would be written without it and could not be read back as a signal).
/// </summary>
public sealed record SignalEnvelope(RecoverySignal Signal);
