using Azure;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// A workflow's state row as read: the state, who leases it until when, the ETag every write is conditional on, how many
/// columns the state's JSON fills (a save of a shorter state blanks the rest), and the inbox
/// rows whose signals the state already includes (deleted after the save; listed so a crash in between cannot apply them twice).
/// </summary>
internal sealed record StoredWorkflow(RecoveryState State, string? LeaseOwner, DateTimeOffset? LeaseUntil, ETag ETag, int Chunks, IReadOnlyList<string> AppliedInbox);
