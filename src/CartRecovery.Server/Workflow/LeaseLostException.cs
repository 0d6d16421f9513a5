namespace CartRecovery.Server.Workflow;

/// <summary>Another runner wrote the workflow while this one held it (its lease lapsed): this runner stops touching it.</summary>
internal sealed class LeaseLostException(string workflowId)
    : OperationCanceledException($"The lease on workflow {workflowId} was lost to another runner.");
