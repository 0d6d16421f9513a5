using System.Text.Json.Serialization;

namespace CartRecovery.Core.Workflow;

/// <summary>What the decider reacts to: the start, a timer, a step's outcome, or an external <see cref="RecoverySignal"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(RecoveryStarted), "started")]
[JsonDerivedType(typeof(TimerFired), "timer")]
[JsonDerivedType(typeof(StepCompleted), "stepCompleted")]
[JsonDerivedType(typeof(SignalReceived), "signal")]
public abstract record RecoveryEvent(DateTimeOffset At);
