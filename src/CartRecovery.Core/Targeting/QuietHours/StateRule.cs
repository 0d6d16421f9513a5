using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.QuietHours;

/// <summary>A state's SMS window and the law it comes from.</summary>
public sealed record StateRule(AllowedHours Hours, string Source);
