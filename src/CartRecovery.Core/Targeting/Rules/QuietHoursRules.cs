using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Targeting.Rules;

/// <summary>
/// The hours a channel may reach a recipient, in the recipient's own time zone. Defaults: SMS 08:00–21:00 (narrowed to
/// 08:00–20:00 in the US states whose law says so, see <see cref="QuietHours.UsStateSmsHours"/>), email and push 08:00–22:00.
/// The on-site popup shows only while the shopper is on the site and has no quiet hours.
/// </summary>
public sealed record QuietHoursRules
{
    public bool Enabled { get; init; } = true;

    public AllowedHours Sms { get; init; } = new(new TimeOnly(8, 0), new TimeOnly(21, 0));

    public AllowedHours Email { get; init; } = new(new TimeOnly(8, 0), new TimeOnly(22, 0));

    public AllowedHours Push { get; init; } = new(new TimeOnly(8, 0), new TimeOnly(22, 0));

    /// <summary>Apply the stricter US state SMS hours (on by default: they are the law where they apply).</summary>
    public bool UsStateSmsRules { get; init; } = true;

    public AllowedHours? For(Channel channel) => channel switch
    {
        Channel.Sms => Sms,
        Channel.Email => Email,
        Channel.Push => Push,
        _ => null,
    };
}
