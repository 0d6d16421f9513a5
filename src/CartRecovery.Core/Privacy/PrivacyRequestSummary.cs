namespace CartRecovery.Core.Privacy;

/// <summary>A recorded <c>customers/data_request</c>, as the merchant's list shows it (no personal data: the export holds that).</summary>
public sealed record PrivacyRequestSummary(string Id, DateTimeOffset ReceivedAt, long? CustomerId, IReadOnlyList<long> OrdersRequested, int Records);
