namespace CartRecovery.Demo;

/// <summary>
/// The demo shop: <c>dotnet run --project tools/CartRecovery.Demo -- --shoppers 2000 --seed 1 --out demo.json</c>
/// (scripts/demo.sh starts the product first when it is not running). A named class, not top-level statements, so the
/// tests can reference this project beside the server's own <c>Program</c>.
/// </summary>
internal static class DemoProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = DemoOptions.Parse(args, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync("usage: CartRecovery.Demo [--shoppers N] [--seed S] [--out FILE] [--url URL] [--secret SECRET] [--maildev URL] [--time-scale X] [--no-progress]");
            return 2;
        }

        options = options with { Secret = options.Secret ?? Environment.GetEnvironmentVariable("Shopify__ApiSecrets__0") };
        using var client = new ProductClient(options);
        if (!await client.IsUpAsync(CancellationToken.None))
        {
            await Console.Error.WriteLineAsync($"No CartRecovery answers at {options.ServerUrl}api/health: start it with scripts/demo.sh (or scripts/run.sh).");
            return 1;
        }

        var report = await new DemoRun(options, client, Console.Error).RunAsync(CancellationToken.None);
        var json = report.ToJson();
        Console.WriteLine(json);
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, json + Environment.NewLine);
        }

        return 0;
    }
}
