using CartRecovery.Core.Attribution;
using CartRecovery.Core.Experiments;
using CartRecovery.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Analytics.Hooks;

/// <summary>
/// Runs a step in its recovery's experiment arm and counts its outcome. A recovery in the holdout arm runs its whole
/// sequence but every step is skipped with reason <see cref="HoldoutReason"/>: nothing is sent, everything is recorded,
/// so the holdout's recovery rate is the baseline. Counting never fails a step (logged instead).
/// </summary>
public sealed partial class MeasuredStepExecutor(
    IStepExecutor inner, IAttributionStore recoveries, MeasurementRecorder recorder, TimeProvider time, ILogger<MeasuredStepExecutor> logger) : IStepExecutor
{
    public const string HoldoutReason = "holdout";

    public async Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var variant = request.Variant;
        if (variant is null)
        {
            var recovery = await recoveries.GetRecoveryAsync(request.Cart.Shop, request.WorkflowId, cancellationToken).ConfigureAwait(false);
            variant = recovery?.Variant;
        }

        var step = request with { Variant = variant };
        var outcome = ExperimentAssigner.IsHoldout(variant) ? StepOutcome.Skipped(HoldoutReason) : await inner.ExecuteAsync(step, cancellationToken).ConfigureAwait(false);
        try
        {
            await recorder.StepOutcomeAsync(step, outcome, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, request.Cart.Shop, request.StepId);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Counting step {StepId} of {Shop} failed; the step's outcome stands")]
    private static partial void LogFailed(ILogger logger, Exception exception, string shop, string stepId);
}
