namespace CartRecovery.Core.Options;

/// <summary>
/// Builds the failure list of an options validator. Every message starts with the configuration key it is about
/// (<c>Recovery:TimeScale</c>), so a host that refuses to start says which setting to fix.
/// </summary>
public sealed class OptionsChecks(string section)
{
    private readonly List<string> failures = [];

    public IReadOnlyList<string> Failures => failures;

    /// <summary>Records <paramref name="rule"/> against <c>{section}:{key}</c> unless <paramref name="holds"/>.</summary>
    public OptionsChecks Require(bool holds, string key, string rule, object? value)
    {
        if (!holds)
        {
            failures.Add($"{section}:{key} {rule} (was '{value}').");
        }

        return this;
    }

    public OptionsChecks Positive(TimeSpan value, string key) => Require(value > TimeSpan.Zero, key, "must be a positive duration", value);

    public OptionsChecks AtLeast(long value, long minimum, string key) => Require(value >= minimum, key, $"must be at least {minimum}", value);

    public Microsoft.Extensions.Options.ValidateOptionsResult Result() =>
        failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
}
