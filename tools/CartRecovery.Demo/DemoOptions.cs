namespace CartRecovery.Demo;

/// <summary>What the demo plays and against which server. <see cref="TimeScale"/> must equal the server's <c>Recovery:TimeScale</c>.</summary>
public sealed record DemoOptions(
    int Shoppers = 2000,
    int Seed = 1,
    string? Out = null,
    Uri? Server = null,
    string? Secret = null,
    Uri? MailDev = null,
    double TimeScale = 3600,
    int Concurrency = 8,
    bool Progress = true)
{
    public Uri ServerUrl => Server ?? new Uri("http://127.0.0.1:7071/");

    public Uri MailDevUrl => MailDev ?? new Uri("http://127.0.0.1:1080/");

    /// <summary>Parses <c>--shoppers N --seed S --out FILE --url URL --secret S --maildev URL --time-scale X</c>; null with a message when wrong.</summary>
    public static DemoOptions? Parse(string[] args, out string? error)
    {
        var options = new DemoOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--shoppers" when int.TryParse(value, out var n) && n > 0: options = options with { Shoppers = n }; i++; break;
                case "--seed" when int.TryParse(value, out var s): options = options with { Seed = s }; i++; break;
                case "--out" when value is not null: options = options with { Out = value }; i++; break;
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var u): options = options with { Server = Slash(u) }; i++; break;
                case "--secret" when value is not null: options = options with { Secret = value }; i++; break;
                case "--maildev" when Uri.TryCreate(value, UriKind.Absolute, out var m): options = options with { MailDev = Slash(m) }; i++; break;
                case "--time-scale" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var t) && t >= 1: options = options with { TimeScale = t }; i++; break;
                case "--no-progress": options = options with { Progress = false }; break;
                default: error = $"unknown or invalid argument: {args[i]}"; return null;
            }
        }

        return options;
    }

    private static Uri Slash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
