using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using CartRecovery.Testing;

namespace CartRecovery.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled to ARM JSON by the Bicep CLI from NuGet: the build scripts/test.sh made
/// (<c>CARTRECOVERY_INFRA_ARM</c>) when it is newer than every .bicep file, otherwise compiled here.
/// </summary>
public sealed class CompiledInfra
{
    public CompiledInfra()
    {
        var infra = Path.Combine(RepoPaths.Root, "infra");
        var prebuilt = Environment.GetEnvironmentVariable("CARTRECOVERY_INFRA_ARM");
        var newestSource = Directory.GetFiles(infra, "*.bicep").Max(File.GetLastWriteTimeUtc);
        string json;
        if (!string.IsNullOrEmpty(prebuilt) && File.Exists(prebuilt) && File.GetLastWriteTimeUtc(prebuilt) >= newestSource)
        {
            json = File.ReadAllText(prebuilt);
            var diagnosticsFile = Path.Combine(Path.GetDirectoryName(prebuilt)!, "bicep-diagnostics.txt");
            Diagnostics = File.Exists(diagnosticsFile) ? File.ReadAllText(diagnosticsFile) : string.Empty;
        }
        else
        {
            (json, Diagnostics) = Compile(Path.Combine(infra, "main.bicep"));
        }

        Main = new ArmTemplate(JsonNode.Parse(json)!.AsObject());
        var module = Assert.Single(Main.Resources("Microsoft.Resources/deployments"));
        App = new ArmTemplate(module["properties"]!["template"]!.AsObject());
        ModuleParameters = module["properties"]!["parameters"]!.AsObject();
    }

    /// <summary>The subscription-scope template (resource group, module, outputs azd reads).</summary>
    public ArmTemplate Main { get; }

    /// <summary>The resource-group module, app.bicep.</summary>
    public ArmTemplate App { get; }

    public JsonObject ModuleParameters { get; }

    /// <summary>What the CLI wrote to stderr: errors and linter warnings.</summary>
    public string Diagnostics { get; }

    public static string BicepPath { get; } = typeof(CompiledInfra).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    private static (string Json, string Diagnostics) Compile(string file)
    {
        if (!File.Exists(BicepPath))
        {
            throw new FileNotFoundException($"The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package is missing at {BicepPath}.");
        }

        var start = new ProcessStartInfo(BicepPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", file, "--stdout" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bicep build did not finish within 3 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({process.ExitCode}): {stderr.Result}");
        }

        return (stdout.Result, stderr.Result);
    }
}
