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
    IStepExecutor inner, IAttributionRepository recoveries, MeasurementRecorder recorder, TimeProvider time, ILogger<MeasuredStepExecutor> logger) : IStepExecutor
{
    public const string HoldoutReason = "holdout";

    public async Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var step = await InArmAsync(request, cancellationToken).ConfigureAwait(false);
        var outcome = ExperimentAssigner.IsHoldout(step.Variant) ? StepOutcome.Skipped(HoldoutReason) : await inner.ExecuteAsync(step, cancellationToken).ConfigureAwait(false);
        await CountAsync(step, outcome, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>A step that ran out of attempts is counted with its final outcome (failed, unless an attempt finished after all).</summary>
    public async Task<StepOutcome> GiveUpAsync(StepRequest request, string reason, CancellationToken cancellationToken)
    {
        var step = await InArmAsync(request, cancellationToken).ConfigureAwait(false);
        var outcome = await inner.GiveUpAsync(step, reason, cancellationToken).ConfigureAwait(false);
        await CountAsync(step, outcome, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The step labelled with its recovery's arm (assigned when the recovery started) unless the sequence set one.</summary>
    private async Task<StepRequest> InArmAsync(StepRequest request, CancellationToken cancellationToken)
    {
        if (request.Variant is not null)
        {
            return request;
        }

        var recovery = await recoveries.GetRecoveryAsync(request.Cart.Shop, request.WorkflowId, cancellationToken).ConfigureAwait(false);
        return request with { Variant = recovery?.Variant };
    }

    private async Task CountAsync(StepRequest step, StepOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            await recorder.StepOutcomeAsync(step, outcome, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, step.Cart.Shop, step.StepId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Counting step {StepId} of {Shop} failed; the step's outcome stands")]
    private static partial void LogFailed(ILogger logger, Exception exception, string shop, string stepId);
}
