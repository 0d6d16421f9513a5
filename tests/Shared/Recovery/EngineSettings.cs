namespace CartRecovery.RecoveryScenarios;

/// <summary>
/// How a scenario wants its engine configured (the same <c>Recovery:*</c> keys a deployment sets), and which step the
/// recording executor fails on every attempt.
/// </summary>
public sealed record EngineSettings(
    double TimeScale = 3600,
    int StepMaxAttempts = 3,
    TimeSpan? FirstRetryDelay = null,
    TimeSpan? MaxRetryDelay = null,
    string? AlwaysFailStepId = null)
{
    public IDictionary<string, string?> ToConfiguration() => new Dictionary<string, string?>
    {
        ["Recovery:TimeScale"] = TimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Recovery:StepMaxAttempts"] = StepMaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Recovery:StepFirstRetryDelay"] = (FirstRetryDelay ?? TimeSpan.FromMilliseconds(50)).ToString(),
        ["Recovery:StepMaxRetryDelay"] = (MaxRetryDelay ?? TimeSpan.FromMilliseconds(200)).ToString(),
        ["Recovery:Runner:PollInterval"] = "00:00:00.200",
        ["Shopify:ApiKey"] = ScenarioData.ApiKey,
        ["Shopify:ApiSecrets:0"] = ScenarioData.ApiSecret,
    };
}
