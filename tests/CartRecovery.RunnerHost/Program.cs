using CartRecovery.Core.Messaging;
using CartRecovery.Hosting;
using CartRecovery.Server.Workflow;
using CartRecovery.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CartRecovery.RunnerHost;

internal static class RunnerHostProgram
{
    public static async Task Main(string[] args)
    {
        // Configuration comes from the command line (--Storage:ConnectionString=..., --Storage:TablePrefix=..., --Recovery:TimeScale=...,
        // --Recovery:Runner:Id=..., --Recording:EffectDelayMs=..., --Recording:AlwaysFailStepId=...), so a test starts it like a deployment would.
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
                builder.Services.AddCartRecovery(builder.Configuration).AddEmbeddedEngine(builder.Configuration);
        builder.Services.AddSingleton<IStepExecutor>(sp => new RecordingStepExecutor(sp.GetRequiredService<StorageTables>(), sp.GetRequiredService<TimeProvider>())
        {
            EffectDelay = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("Recording:EffectDelayMs", 0)),
            AlwaysFailStepId = builder.Configuration["Recording:AlwaysFailStepId"],
        });

        var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("runner started"); // the tests wait for this line
        await host.WaitForShutdownAsync();
    }
}
