using Azure;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Server.Workflow;

/// <summary>A workflow's state row as read: the state, who leases it until when, and the ETag every write is conditional on.</summary>
internal sealed record StoredWorkflow(RecoveryState State, string? LeaseOwner, DateTimeOffset? LeaseUntil, ETag ETag);
