using System.Globalization;
using CartRecovery.LoadTest;

// Drives a running server with signed Shopify webhooks at each target rate and reports acknowledgement latency;
// optionally measures the raw Azurite write rates first, for comparison. See bench/RESULTS.md for how to run it.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: CartRecovery.LoadTest --secret S [--url U] [--rates 500,1000,2000] [--duration 20] [--warmup 5] [--shops 50] [--azurite CONNECTION_STRING] [--azurite-duration 10] [--table-prefix cr] [--drain-timeout SECONDS]");
    return 2;
}

if (options.Azurite is { } azurite)
{
    var (single, batch) = await AzuriteProbe.RunAsync(azurite, options.AzuriteDuration);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Azurite raw: {single:F0} single-entity inserts/s, {batch:F0} entities/s in 100-entity transactions"));
}

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(30) };
var payloads = new SignedPayloads(options.Fixtures, options.Secret, options.Shops);
var step = new RateStep(client, options.Url, payloads);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Target {options.Url}, {options.Shops} shops, {options.StepDuration.TotalSeconds:F0} s per step after a {options.Warmup.TotalSeconds:F0} s warm-up"));
await step.RunAsync(Math.Min(200, options.Rates[0]), options.Warmup, record: false);
Console.WriteLine(StepResult.Header);
foreach (var rate in options.Rates)
{
    var result = await step.RunAsync(rate, options.StepDuration, record: true);
    Console.WriteLine(result);
    await Task.Delay(TimeSpan.FromSeconds(2));
}

if (options.Azurite is { } storage && options.DrainTimeout > TimeSpan.Zero)
{
    await BacklogProbe.DrainAsync(storage, options.TablePrefix, options.DrainTimeout);
}

return 0;
