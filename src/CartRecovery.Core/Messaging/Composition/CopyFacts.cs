namespace CartRecovery.Core.Messaging.Composition;

/// <summary>
/// Everything AI copy may draw on, and nothing more: the guardrails refuse any product, price, discount or deadline not here.
/// Customer names are left out on purpose (no personal data leaves for the model; the greeting comes from the template).
/// </summary>
public sealed record CopyFacts(
    string Language,
    MessageIntent Intent,
    Channel Channel,
    string Tone,
    string StoreName,
    IReadOnlyList<CopyFactItem> Items,
    decimal Total,
    string FormattedTotal,
    string Currency,
    CopyFactIncentive? Incentive);

public sealed record CopyFactItem(string Title, string? Variant, int Quantity, decimal UnitPrice, string FormattedLinePrice);

public sealed record CopyFactIncentive(string Code, decimal? PercentOff, decimal? AmountOff, string? FormattedAmountOff, DateTimeOffset? ExpiresAt, string? FormattedExpiry);
