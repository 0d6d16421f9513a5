using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Tracking;

/// <summary>
/// Records what a customer did with a message (open, click, popup shown/dismissed) and tells its workflow about opens and
/// clicks. Failures are logged, never thrown: a customer's click must reach the store even when recording fails.
/// </summary>
public sealed partial class EngagementRecorder(IMessageEvents events, IRecoveryWorkflows workflows, TimeProvider time, ILogger<EngagementRecorder> logger)
{
    public async Task RecordAsync(TrackingToken token, MessageEventKind kind, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            var known = await events.RecordAsync(token.Shop, token.MessageId, kind, now, cancellationToken);
            if (!known)
            {
                LogUnknownMessage(logger, kind, token.MessageId, token.Shop);
                return;
            }

            if (kind is MessageEventKind.Opened or MessageEventKind.Clicked)
            {
                await workflows.SignalAsync(new WorkflowId(token.WorkflowId), new MessageEngaged(now, token.StepId, kind == MessageEventKind.Clicked), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRecordingFailed(logger, exception, kind, token.MessageId, token.Shop);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} for unknown message {MessageId} of {Shop} not recorded")]
    private static partial void LogUnknownMessage(ILogger logger, MessageEventKind kind, string messageId, string shop);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Kind} for message {MessageId} of {Shop} failed")]
    private static partial void LogRecordingFailed(ILogger logger, Exception exception, MessageEventKind kind, string messageId, string shop);
}
