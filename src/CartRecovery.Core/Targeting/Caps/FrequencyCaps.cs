using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.Caps;

/// <summary>
/// Smart sending (one message per channel per window) and the recovery cap (N messages per period) over a customer's
/// ledger, as a pure function so the rules are tested without storage. A key already in the ledger is the same step again
/// (a retry, a replay) and is allowed without a second entry.
/// </summary>
public static class FrequencyCaps
{
    public static CapDecision Decide(IReadOnlyList<ContactEntry> entries, ContactEntry candidate, ShopContactRules rules, DateTimeOffset now, double timeScale = 1)
    {
        if (timeScale > 1)
        {
            rules = Scaled(rules, timeScale);
        }

        if (entries.Any(e => e.Key == candidate.Key))
        {
            return new CapDecision(true, null, null, null);
        }

        var channelWindow = rules.SmartSending.WindowFor(candidate.Channel);
        var cap = rules.RecoveryCap;
        var keepFor = new[] { channelWindow, cap.Window, MaxChannelWindow(rules) }.Max();
        var recent = entries.Where(e => e.At > now - keepFor).OrderBy(e => e.At).ToList();

        if (channelWindow > TimeSpan.Zero && recent.LastOrDefault(e => e.Channel == candidate.Channel && e.At > now - channelWindow) is { } last)
        {
            var ago = now - last.At;
            return new CapDecision(false, null, $"smart sending: a {Name(candidate.Channel)} message went to this customer {Hours(ago)} h ago (window {Hours(channelWindow)} h)", last.At + channelWindow);
        }

        if (cap.MaxMessages > 0 && cap.Window > TimeSpan.Zero)
        {
            var inPeriod = recent.Where(e => e.At > now - cap.Window).ToList();
            if (inPeriod.Count >= cap.MaxMessages)
            {
                // The cap allows the next message once enough of the oldest ones have left the period.
                var frees = inPeriod[inPeriod.Count - cap.MaxMessages].At + cap.Window;
                return new CapDecision(false, null, $"recovery cap: {inPeriod.Count} recovery messages to this customer in the last {cap.WindowDays:0.#} days (at most {cap.MaxMessages})", frees);
            }
        }

        return new CapDecision(true, [.. recent, candidate], null, null);
    }

    /// <summary>Removes a reservation whose message was not sent after all; null when it is not there.</summary>
    public static IReadOnlyList<ContactEntry>? Release(IReadOnlyList<ContactEntry> entries, string key) =>
        entries.Any(e => e.Key == key) ? entries.Where(e => e.Key != key).ToList() : null;

    /// <summary>The rules with every window divided by the engine's time scale (a demo's 16 hours pass in 16 seconds at 3600).</summary>
    private static ShopContactRules Scaled(ShopContactRules rules, double timeScale) => rules with
    {
        SmartSending = new SmartSendingRules
        {
            EmailHours = rules.SmartSending.EmailHours / timeScale,
            SmsHours = rules.SmartSending.SmsHours / timeScale,
            PushHours = rules.SmartSending.PushHours / timeScale,
        },
        RecoveryCap = rules.RecoveryCap with { WindowDays = rules.RecoveryCap.WindowDays / timeScale },
    };

    private static TimeSpan MaxChannelWindow(ShopContactRules rules) =>
        new[] { Channel.Email, Channel.Sms, Channel.Push }.Select(rules.SmartSending.WindowFor).Max();

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static string Name(Channel channel) => channel switch
    {
        Channel.Sms => "SMS",
        _ => channel.ToString().ToLowerInvariant(),
    };
}
