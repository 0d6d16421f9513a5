using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>One operation of an entity group transaction; <see cref="ETag"/> is the If-Match for updates and deletes (default: any).</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);
