namespace CartRecovery.Core.Targeting.QuietHours;

/// <summary>
/// The IANA zone of each state or province of the countries that span several zones and whose checkout addresses carry a
/// province code (US, Canada, Australia). A state split between zones gets its most populous zone. Other multi-zone
/// countries fall back to the phone number, then the shop.
/// </summary>
internal static class ProvinceZones
{
    /// <summary>Countries where the country alone does not tell the zone.</summary>
    public static readonly IReadOnlySet<string> MultiZone = new HashSet<string>(StringComparer.Ordinal)
    {
        "US", "CA", "AU", "BR", "MX", "RU", "ID", "KZ", "MN", "CD", "UM", "KI", "FM", "PF", "GL", "AQ",
    };

    private const string East = "America/New_York";
    private const string Central = "America/Chicago";
    private const string Mountain = "America/Denver";
    private const string Pacific = "America/Los_Angeles";

    private static readonly Dictionary<string, string> Us = new(StringComparer.Ordinal)
    {
        ["AL"] = Central, ["AK"] = "America/Anchorage", ["AZ"] = "America/Phoenix", ["AR"] = Central, ["CA"] = Pacific,
        ["CO"] = Mountain, ["CT"] = East, ["DE"] = East, ["DC"] = East, ["FL"] = East, ["GA"] = East,
        ["HI"] = "Pacific/Honolulu", ["ID"] = "America/Boise", ["IL"] = Central, ["IN"] = "America/Indiana/Indianapolis",
        ["IA"] = Central, ["KS"] = Central, ["KY"] = "America/Kentucky/Louisville", ["LA"] = Central, ["ME"] = East,
        ["MD"] = East, ["MA"] = East, ["MI"] = "America/Detroit", ["MN"] = Central, ["MS"] = Central, ["MO"] = Central,
        ["MT"] = Mountain, ["NE"] = Central, ["NV"] = Pacific, ["NH"] = East, ["NJ"] = East, ["NM"] = Mountain, ["NY"] = East,
        ["NC"] = East, ["ND"] = Central, ["OH"] = East, ["OK"] = Central, ["OR"] = Pacific, ["PA"] = East, ["RI"] = East,
        ["SC"] = East, ["SD"] = Central, ["TN"] = Central, ["TX"] = Central, ["UT"] = Mountain, ["VT"] = East, ["VA"] = East,
        ["WA"] = Pacific, ["WV"] = East, ["WI"] = Central, ["WY"] = Mountain, ["PR"] = "America/Puerto_Rico",
        ["GU"] = "Pacific/Guam", ["VI"] = "America/St_Thomas", ["AS"] = "Pacific/Pago_Pago", ["MP"] = "Pacific/Saipan",
    };

    private static readonly Dictionary<string, string> Canada = new(StringComparer.Ordinal)
    {
        ["AB"] = "America/Edmonton", ["BC"] = "America/Vancouver", ["MB"] = "America/Winnipeg", ["NB"] = "America/Moncton",
        ["NL"] = "America/St_Johns", ["NS"] = "America/Halifax", ["NT"] = "America/Yellowknife", ["NU"] = "America/Iqaluit",
        ["ON"] = "America/Toronto", ["PE"] = "America/Halifax", ["QC"] = "America/Toronto", ["SK"] = "America/Regina",
        ["YT"] = "America/Whitehorse",
    };

    private static readonly Dictionary<string, string> Australia = new(StringComparer.Ordinal)
    {
        ["ACT"] = "Australia/Sydney", ["NSW"] = "Australia/Sydney", ["NT"] = "Australia/Darwin", ["QLD"] = "Australia/Brisbane",
        ["SA"] = "Australia/Adelaide", ["TAS"] = "Australia/Hobart", ["VIC"] = "Australia/Melbourne", ["WA"] = "Australia/Perth",
    };

    /// <summary>US state names as the phone geocoder writes them, to find the state of a phone-only US recipient.</summary>
    public static readonly IReadOnlyDictionary<string, string> UsStateNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Alabama"] = "AL", ["Alaska"] = "AK", ["Arizona"] = "AZ", ["Arkansas"] = "AR", ["California"] = "CA", ["Colorado"] = "CO",
        ["Connecticut"] = "CT", ["Delaware"] = "DE", ["Washington D.C."] = "DC", ["Florida"] = "FL", ["Georgia"] = "GA",
        ["Hawaii"] = "HI", ["Idaho"] = "ID", ["Illinois"] = "IL", ["Indiana"] = "IN", ["Iowa"] = "IA", ["Kansas"] = "KS",
        ["Kentucky"] = "KY", ["Louisiana"] = "LA", ["Maine"] = "ME", ["Maryland"] = "MD", ["Massachusetts"] = "MA",
        ["Michigan"] = "MI", ["Minnesota"] = "MN", ["Mississippi"] = "MS", ["Missouri"] = "MO", ["Montana"] = "MT",
        ["Nebraska"] = "NE", ["Nevada"] = "NV", ["New Hampshire"] = "NH", ["New Jersey"] = "NJ", ["New Mexico"] = "NM",
        ["New York"] = "NY", ["North Carolina"] = "NC", ["North Dakota"] = "ND", ["Ohio"] = "OH", ["Oklahoma"] = "OK",
        ["Oregon"] = "OR", ["Pennsylvania"] = "PA", ["Rhode Island"] = "RI", ["South Carolina"] = "SC", ["South Dakota"] = "SD",
        ["Tennessee"] = "TN", ["Texas"] = "TX", ["Utah"] = "UT", ["Vermont"] = "VT", ["Virginia"] = "VA", ["Washington"] = "WA",
        ["West Virginia"] = "WV", ["Wisconsin"] = "WI", ["Wyoming"] = "WY",
    };

    public static string? For(string country, string? province) => (country, province) switch
    {
        (_, null) => null,
        ("US", { } p) => Us.GetValueOrDefault(p),
        ("CA", { } p) => Canada.GetValueOrDefault(p),
        ("AU", { } p) => Australia.GetValueOrDefault(p),
        _ => null,
    };
}
