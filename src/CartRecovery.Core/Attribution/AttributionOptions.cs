namespace CartRecovery.Core.Attribution;

/// <summary>
/// Attribution windows (section <c>Attribution</c>): defaults for every shop, and per-shop overrides under
/// <c>Attribution:Shops:{shop}</c>. Each value is a TimeSpan ("5.00:00:00" is five days).
/// </summary>
public sealed class AttributionOptions
{
    public const string Section = "Attribution";

    public WindowSettings Windows { get; set; } = new();

    public Dictionary<string, WindowSettings> Shops { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public AttributionWindows For(string shop)
    {
        var defaults = Windows.Apply(AttributionWindows.Default);
        return Shops.TryGetValue(shop, out var own) ? own.Apply(defaults) : defaults;
    }

    /// <summary>Any window left unset keeps the one it overrides.</summary>
    public sealed class WindowSettings
    {
        public TimeSpan? EmailOpen { get; set; }

        public TimeSpan? EmailClick { get; set; }

        public TimeSpan? SmsClick { get; set; }

        public TimeSpan? SmsDelivery { get; set; }

        public TimeSpan? PushOpen { get; set; }

        public TimeSpan? PopupClick { get; set; }

        public AttributionWindows Apply(AttributionWindows basis) => new(
            EmailOpen ?? basis.EmailOpen,
            EmailClick ?? basis.EmailClick,
            SmsClick ?? basis.SmsClick,
            SmsDelivery ?? basis.SmsDelivery,
            PushOpen ?? basis.PushOpen,
            PopupClick ?? basis.PopupClick);

        public IEnumerable<string> Problems(string name) =>
            new (string Field, TimeSpan? Value)[] { ("EmailOpen", EmailOpen), ("EmailClick", EmailClick), ("SmsClick", SmsClick), ("SmsDelivery", SmsDelivery), ("PushOpen", PushOpen), ("PopupClick", PopupClick) }
                .Where(w => w.Value is { } v && (v <= TimeSpan.Zero || v > TimeSpan.FromDays(90)))
                .Select(w => $"{name}:{w.Field} must be more than zero and at most 90 days.");
    }
}
