using CartRecovery.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Functions.Recovery;

public static class DurableEngineRegistration
{
    /// <summary>
    /// The Durable Functions engine: <see cref="IRecoveryWorkflows"/> and <see cref="IRecoveryEraser"/> on the invocation's
    /// durable client. The orchestrator and activities are found by the worker from their <c>[Function]</c> attributes.
    /// </summary>
    public static IServiceCollection AddDurableEngine(this IServiceCollection services) => services
        .AddSingleton<DurableClientHolder>()
        .AddSingleton<IRecoveryWorkflows, DurableRecoveryWorkflows>()
        .AddSingleton<IRecoveryEraser, DurableRecoveryEraser>();
}
