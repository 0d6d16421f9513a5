using System.Globalization;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.QuietHours;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.Filters;

/// <summary>
/// Defers a step due outside its channel's hours in the recipient's time zone to the next allowed minute; never skips.
/// SMS to a US state with a stricter law uses the state's window (when the shop keeps the state rules on).
/// </summary>
public sealed class QuietHoursFilter : IEligibilityFilter
{
    public string Name => FilterNames.QuietHours;

    public ValueTask<FilterVerdict> EvaluateAsync(EligibilityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Evaluate(context));

    private FilterVerdict Evaluate(EligibilityContext context)
    {
        var rules = context.Rules.QuietHours;
        if (context.Stage != EligibilityStage.Step || !rules.Enabled || context.TimeScale > 1 || context.Channel is not { } channel || rules.For(channel) is not { } hours)
        {
            return FilterVerdict.Pass(Name);
        }

        var zone = RecipientTimeZones.Resolve(context.Cart, context.ShopTimeZone);
        var rule = "shop rules";
        if (channel == Channel.Sms && rules.UsStateSmsRules && zone.Country == "US" && UsStateSmsHours.For(zone.UsState) is { } state)
        {
            hours = hours.Intersect(state);
            rule = $"{zone.UsState} law";
        }

        var next = QuietHoursClock.NextAllowed(context.Now, zone.Zone, hours);
        if (next <= context.Now)
        {
            return FilterVerdict.Pass(Name);
        }

        var local = TimeZoneInfo.ConvertTime(context.Now, zone.Zone);
        return FilterVerdict.Defer(
            Name,
            next,
            string.Create(CultureInfo.InvariantCulture, $"{local:HH:mm} in {zone.Zone.Id} (from the {zone.Source}); {ChannelName(channel)} allowed {hours.Start:HH:mm}–{hours.End:HH:mm} ({rule})"));
    }

    private static string ChannelName(Channel channel) => channel == Channel.Sms ? "SMS" : channel.ToString().ToLowerInvariant();
}
