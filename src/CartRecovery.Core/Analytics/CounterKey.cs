namespace CartRecovery.Core.Analytics;

/// <summary>
/// One counter of a daily rollup: a metric broken down by step, channel, experiment arm and reason (skips) or cart kind
/// (starts); an empty part means "not applicable". Written as <c>metric|step|channel|variant|reason</c>.
/// </summary>
public sealed record CounterKey(string Metric, string Step = "", string Channel = "", string Variant = "", string Reason = "")
{
    public override string ToString() => string.Join('|', Metric, Clean(Step), Clean(Channel), Clean(Variant), Clean(Reason));

    public static CounterKey Parse(string text)
    {
        var parts = text.Split('|');
        return parts.Length == 5 ? new(parts[0], parts[1], parts[2], parts[3], parts[4]) : new(text);
    }

    /// <summary>A '|' inside a value would shift the parts; reasons are free text, so it becomes '/'.</summary>
    private static string Clean(string value) => value.Replace('|', '/');
}
