using System.Text.Json.Serialization;

namespace CartRecovery.Core.Workflow;

/// <summary>What the host must do after a decision.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(ScheduleTimer), "scheduleTimer")]
[JsonDerivedType(typeof(RunStep), "runStep")]
[JsonDerivedType(typeof(FinishRecovery), "finish")]
public abstract record RecoveryCommand;
