using System.Diagnostics;

namespace CartRecovery.Testing;

/// <summary>
/// A real Azurite Table service process on a free loopback port (installed by <c>npm ci</c> into node_modules).
/// Tests share one per test process through <see cref="Shared"/>; <c>scripts/test.sh</c> starts one for the whole run and
/// passes it in <c>CARTRECOVERY_TEST_STORAGE</c>. Tests that kill or restart storage start their own.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    public const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Task<string>> SharedConnection = new(StartSharedAsync);
    private Process? process;

    private AzuriteServer(int port, string? location)
    {
        Port = port;
        Location = location;
    }

    public int Port { get; }

    /// <summary>The data folder, or null for in-memory persistence.</summary>
    public string? Location { get; }

    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>The connection string of the Azurite shared by this test run.</summary>
    public static Task<string> Shared() => SharedConnection.Value;

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>Starts Azurite; with a <paramref name="location"/> its data survives a restart on the same folder.</summary>
    public static async Task<AzuriteServer> StartAsync(string? location = null, int? port = null)
    {
        var server = new AzuriteServer(port ?? FreePort.Next(), location);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Kills the process (SIGKILL), as a crash would.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Starts the process again on the same port and folder.</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<string> StartSharedAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CARTRECOVERY_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
        return server.ConnectionString;
    }

    private async Task StartProcessAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} missing): run 'npm ci' in {RepoPaths.Root}, or scripts/test.sh.");
        }

        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var arg in new[] { "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--disableTelemetry", "--silent", "--loose" })
        {
            info.ArgumentList.Add(arg);
        }

        if (Location is null)
        {
            info.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(Location);
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(Location);
        }

        process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(30));
    }
}
