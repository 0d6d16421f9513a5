using System.Text.RegularExpressions;

namespace CartRecovery.Integrations.Ga4;

/// <summary>
/// GA4 Measurement Protocol limits: at most 25 events per request and 25 parameters per event, names of letters, digits and
/// underscores starting with a letter (event names up to 40 characters, parameter names up to 40), no reserved prefixes,
/// string values up to 100 characters, a body under 130 kB. <c>/mp/collect</c> silently drops what breaks them, so they are
/// enforced before sending.
/// </summary>
public static partial class Ga4Limits
{
    public const int MaxEventsPerRequest = 25;
    public const int MaxParamsPerEvent = 25;
    public const int MaxNameLength = 40;
    public const int MaxValueLength = 100;
    public const int MaxBodyBytes = 130 * 1024;

    private static readonly string[] ReservedPrefixes = ["google_", "ga_", "firebase_"];

    public static bool IsValidName(string name) =>
        name.Length <= MaxNameLength && Name().IsMatch(name) && !ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The event within the limits: string values cut to 100 characters; an invalid name or too many parameters throws.</summary>
    public static Ga4Event Fit(Ga4Event e)
    {
        if (!IsValidName(e.Name))
        {
            throw new ArgumentException($"'{e.Name}' is not a valid GA4 event name.", nameof(e));
        }

        if (e.Params.Count > MaxParamsPerEvent || e.Params.Keys.Any(k => !IsValidName(k)))
        {
            throw new ArgumentException($"Event '{e.Name}' has too many parameters or an invalid parameter name.", nameof(e));
        }

        return e with { Params = e.Params.ToDictionary(p => p.Key, p => p.Value is string s && s.Length > MaxValueLength ? s[..MaxValueLength] : p.Value) };
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Name();
}
