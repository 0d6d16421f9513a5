namespace CartRecovery.Core.Experiments.Api;

/// <summary>The body of <c>PATCH …/experiments/{id}</c>: a new status (start, pause, resume, end) and/or a new name.</summary>
public sealed record PatchExperimentRequest(ExperimentStatus? Status, string? Name);
