using System.Collections.Concurrent;
using System.Diagnostics;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>The CartRecovery.RunnerHost console process: a real runner that a test can kill (SIGKILL) and start again.</summary>
internal sealed class RunnerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunnerProcess(Process process) => this.process = process;

    public string Output => string.Join(Environment.NewLine, output);

    public static async Task<RunnerProcess> StartAsync(string connectionString, string tablePrefix, string runnerId, params string[] extraSettings)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CartRecovery.RunnerHost.dll"));
        foreach (var setting in new[]
        {
            $"--Storage:ConnectionString={connectionString}",
            $"--Storage:TablePrefix={tablePrefix}",
            $"--Recovery:Runner:Id={runnerId}",
            "--Recovery:TimeScale=3600",
            "--Recovery:Runner:PollInterval=00:00:00.200",
            "--Recovery:Runner:LeaseDuration=00:00:10",
        }.Concat(extraSettings))
        {
            info.ArgumentList.Add(setting);
        }

        var runner = new RunnerProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
        runner.process.OutputDataReceived += (_, e) => runner.Received(e.Data);
        runner.process.ErrorDataReceived += (_, e) => runner.Received(e.Data);
        runner.process.BeginOutputReadLine();
        runner.process.BeginErrorReadLine();
        var exited = runner.process.WaitForExitAsync();
        if (await Task.WhenAny(runner.started.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != runner.started.Task)
        {
            await runner.DisposeAsync();
            throw new InvalidOperationException("The runner host did not start:" + Environment.NewLine + runner.Output);
        }

        return runner;
    }

    /// <summary>Kills the process at once, as a crash or an OOM kill would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        if (line.Contains("runner started", StringComparison.Ordinal))
        {
            started.TrySetResult();
        }
    }
}
