using System.Globalization;
using System.Text.Json;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.QuietHours;

/// <summary>
/// The US states whose law narrows SMS hours, read from the embedded <c>us-state-sms-hours.json</c> (each row with its
/// source). Kept as data so a change in the law is a change to the table, not to code.
/// </summary>
public static class UsStateSmsHours
{
    private static readonly Lazy<IReadOnlyDictionary<string, StateRule>> Table = new(Load);

    public static IReadOnlyDictionary<string, StateRule> All => Table.Value;

    /// <summary>The state's SMS window, or null where the state has no stricter rule than the default.</summary>
    public static AllowedHours? For(string? state) =>
        state is not null && Table.Value.TryGetValue(state.ToUpperInvariant(), out var rule) ? rule.Hours : null;

    private static IReadOnlyDictionary<string, StateRule> Load()
    {
        using var stream = typeof(UsStateSmsHours).Assembly.GetManifestResourceStream("CartRecovery.Core.Targeting.QuietHours.us-state-sms-hours.json")
            ?? throw new InvalidOperationException("The US state SMS hours table is not embedded in CartRecovery.Core.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("states").EnumerateArray().ToDictionary(
            row => row.GetProperty("state").GetString()!,
            row => new StateRule(
                new AllowedHours(Time(row, "start"), Time(row, "end")),
                row.GetProperty("source").GetString()!),
            StringComparer.Ordinal);
    }

    private static TimeOnly Time(JsonElement row, string name) =>
        TimeOnly.ParseExact(row.GetProperty(name).GetString()!, "HH:mm", CultureInfo.InvariantCulture);
}
