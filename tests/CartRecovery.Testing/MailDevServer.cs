using System.Diagnostics;
using System.Globalization;

namespace CartRecovery.Testing;

/// <summary>
/// A real MailDev (npm <c>maildev</c> 2.2.1 in node_modules) on free loopback ports: an SMTP sink whose REST API
/// (<c>GET /email</c>) returns every message it received, parsed (headers, text, html).
/// </summary>
public sealed class MailDevServer : IAsyncDisposable
{
    private readonly Process process;

    private MailDevServer(Process process, int smtpPort, int webPort)
    {
        this.process = process;
        SmtpPort = smtpPort;
        WebAddress = new Uri($"http://127.0.0.1:{webPort}/");
    }

    public int SmtpPort { get; }

    public Uri WebAddress { get; }

    public static async Task<MailDevServer> StartAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "node_modules", "maildev", "bin", "maildev");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"MailDev is not installed ({script} missing): run 'npm ci' in {RepoPaths.Root}, or scripts/test.sh.");
        }

        var (smtp, web) = (FreePort.Next(), FreePort.Next());
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, "--smtp", Str(smtp), "--web", Str(web), "--ip", "127.0.0.1", "--silent" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MailDevServer(process, smtp, web);
        await FreePort.WaitUntilListeningAsync(smtp, TimeSpan.FromSeconds(30));
        await FreePort.WaitUntilListeningAsync(web, TimeSpan.FromSeconds(30));
        return server;
    }

    /// <summary>The JSON array MailDev's REST API returns for every received message.</summary>
    public async Task<string> ReadEmailsJsonAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = WebAddress };
        return await http.GetStringAsync("email", cancellationToken);
    }

    /// <summary>The message exactly as it arrived over SMTP (MailDev's <c>GET /email/{id}/source</c>), for signature checks.</summary>
    public async Task<byte[]> ReadRawEmailAsync(string id, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = WebAddress };
        return await http.GetByteArrayAsync($"email/{Uri.EscapeDataString(id)}/source", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static string Str(int port) => port.ToString(CultureInfo.InvariantCulture);
}
