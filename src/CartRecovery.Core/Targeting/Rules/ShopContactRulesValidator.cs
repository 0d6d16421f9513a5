using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Targeting.Rules;

/// <summary>Checks a whole set of contact rules and reports every problem at once (a merchant fixes them in one go).</summary>
public static class ShopContactRulesValidator
{
    private const double MaxWindowHours = 24 * 30;

    public static IReadOnlyList<SettingsProblem> Validate(ShopContactRules rules)
    {
        var problems = new List<SettingsProblem>();
        var filters = rules.Filters ?? [];
        foreach (var name in filters.Where(f => !FilterNames.All.Contains(f)))
        {
            problems.Add(new("filters", $"unknown filter '{Clip(name)}'; use any of {string.Join(", ", FilterNames.DefaultOrder)}"));
        }

        if (filters.Distinct(StringComparer.Ordinal).Count() != filters.Count)
        {
            problems.Add(new("filters", "a filter may appear once"));
        }

        if (rules.MinimumCartValue is < 0)
        {
            problems.Add(new("minimumCartValue", "must not be negative (null turns the filter off)"));
        }

        Hours("smartSending.emailHours", rules.SmartSending?.EmailHours, problems);
        Hours("smartSending.smsHours", rules.SmartSending?.SmsHours, problems);
        Hours("smartSending.pushHours", rules.SmartSending?.PushHours, problems);
        if (rules.RecoveryCap is not { MaxMessages: >= 0 and <= 100, WindowDays: >= 0 and <= 90 })
        {
            problems.Add(new("recoveryCap", "maxMessages must be 0–100 and windowDays 0–90"));
        }

        if (!Enum.IsDefined(rules.OnCap))
        {
            problems.Add(new("onCap", "must be skip or defer"));
        }

        ValidateQuietHours(rules.QuietHours, problems);
        if (rules.SendTime is not { WindowHours: >= 0 and <= 12, DefaultHour: >= 0 and <= 23, MinCustomerEngagements: >= 1 })
        {
            problems.Add(new("sendTime", "windowHours must be 0–12, defaultHour 0–23 and minCustomerEngagements at least 1"));
        }

        if (rules.SendTime?.Enabled == true)
        {
            // Said plainly rather than accepted and ignored: no filter learns best hours yet (the "send-time" slot is empty).
            problems.Add(new("sendTime.enabled", "send-time optimisation is not available yet; leave it false"));
        }

        ValidateKlaviyo(rules.Klaviyo, problems);
        return problems;
    }

    private static void ValidateQuietHours(QuietHoursRules? quiet, List<SettingsProblem> problems)
    {
        if (quiet is null)
        {
            problems.Add(new("quietHours", "is required"));
            return;
        }

        foreach (var (name, hours) in new[] { ("sms", quiet.Sms), ("email", quiet.Email), ("push", quiet.Push) })
        {
            // A window must leave some time to send in, or every message would wait forever.
            if (hours is null || hours.Start >= hours.End)
            {
                problems.Add(new($"quietHours.{name}", "start must be before end (local time, e.g. 08:00 to 21:00)"));
            }
        }
    }

    private static void ValidateKlaviyo(KlaviyoCoordinationRules? klaviyo, List<SettingsProblem> problems)
    {
        if (klaviyo is null)
        {
            problems.Add(new("klaviyo", "is required"));
            return;
        }

        if (klaviyo.WindowHours is <= 0 or > 24 * 7)
        {
            problems.Add(new("klaviyo.windowHours", "must be more than 0 and at most 168"));
        }

        if (klaviyo.MetricNames is not { Count: > 0 and <= 20 } || klaviyo.MetricNames.Any(n => string.IsNullOrWhiteSpace(n) || n.Length > 100))
        {
            problems.Add(new("klaviyo.metricNames", "1–20 metric names, each 1–100 characters"));
        }

        if (klaviyo.FlowKeywords is null || klaviyo.FlowKeywords.Count > 20 || klaviyo.FlowKeywords.Any(n => string.IsNullOrWhiteSpace(n) || n.Length > 100))
        {
            problems.Add(new("klaviyo.flowKeywords", "at most 20 keywords, each 1–100 characters (empty: any event of the metrics counts)"));
        }

        if (!Enum.IsDefined(klaviyo.OnUnavailable))
        {
            problems.Add(new("klaviyo.onUnavailable", "must be send or skip"));
        }

        if (klaviyo.TimeoutSeconds is < 0.1 or > 30)
        {
            problems.Add(new("klaviyo.timeoutSeconds", "must be 0.1–30"));
        }
    }

    private static void Hours(string field, double? hours, List<SettingsProblem> problems)
    {
        if (hours is not { } h || h < 0 || h > MaxWindowHours)
        {
            problems.Add(new(field, $"must be 0–{MaxWindowHours} hours (0 turns the cap off)"));
        }
    }

    private static string Clip(string? text) => text is null ? "null" : text.Length > 40 ? text[..40] : text;
}
