namespace CartRecovery.Core.Workflow.Sequences;

/// <summary>One page of a listing; <see cref="ContinuationToken"/> is opaque and null on the last page.</summary>
public sealed record SequencePage(IReadOnlyList<SequenceSummary> Items, string? ContinuationToken);
