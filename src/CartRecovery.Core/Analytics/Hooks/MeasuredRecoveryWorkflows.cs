using CartRecovery.Core.Carts;
using CartRecovery.Core.Experiments;
using CartRecovery.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Analytics.Hooks;

/// <summary>
/// Measures recovery starts on the way to the engine: the recovery is recorded for attribution with its experiment arm
/// (assigned here, deterministically) and counted. Measurement never stops a recovery: its failure is logged.
/// </summary>
public sealed partial class MeasuredRecoveryWorkflows(
    IRecoveryWorkflows inner, MeasurementRecorder recorder, ExperimentAssigner assigner, ILogger<MeasuredRecoveryWorkflows> logger) : IRecoveryWorkflows
{
    public async Task StartAsync(CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken)
    {
        try
        {
            var variant = await assigner.AssignAsync(abandoned.Shop, abandoned.CustomerKey, abandoned.CartKey, cancellationToken).ConfigureAwait(false);
            await recorder.RecoveryStartedAsync(abandoned, WorkflowId.For(abandoned.Shop, abandoned.CartKey).Value, variant, abandonedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, abandoned.Shop);
        }

        await inner.StartAsync(abandoned, abandonedAt, cancellationToken).ConfigureAwait(false);
    }

    public Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken) => inner.SignalAsync(id, signal, cancellationToken);

    public Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken) =>
        inner.SignalCustomerAsync(shop, customerKey, signal, cancellationToken);

    public Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken) => inner.SignalShopAsync(shop, signal, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Measuring a recovery start of {Shop} failed; the recovery starts unmeasured")]
    private static partial void LogFailed(ILogger logger, Exception exception, string shop);
}
