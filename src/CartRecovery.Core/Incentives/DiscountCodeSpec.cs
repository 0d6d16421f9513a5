namespace CartRecovery.Core.Incentives;

/// <summary>
/// A unique, single-use code to create in the shop: for one customer when their Shopify id is known (<see cref="CustomerId"/>),
/// otherwise for anyone but still usable once; ends at <see cref="EndsAt"/>; <see cref="Title"/> starts with
/// <see cref="TitlePrefix"/> so the clean-up job recognises the app's codes.
/// </summary>
public sealed record DiscountCodeSpec(string Code, IncentiveKind Kind, decimal Value, DateTimeOffset StartsAt, DateTimeOffset EndsAt, long? CustomerId)
{
    public const string TitlePrefix = "CartRecovery";

    public string Title => $"{TitlePrefix} {Code}";
}
