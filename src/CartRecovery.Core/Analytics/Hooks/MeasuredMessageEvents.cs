using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Analytics.Hooks;

/// <summary>
/// Counts deliveries, opens and clicks (and records them as attribution touches) as the tracking endpoints and provider
/// webhooks record them. A recorded event stays recorded if counting fails (logged).
/// </summary>
public sealed partial class MeasuredMessageEvents(IMessageEvents inner, IMessageLog log, MeasurementRecorder recorder, ILogger<MeasuredMessageEvents> logger) : IMessageEvents
{
    public async Task<bool> RecordAsync(string shop, string messageId, MessageEventKind kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var known = await inner.RecordAsync(shop, messageId, kind, at, cancellationToken).ConfigureAwait(false);
        if (known && kind is MessageEventKind.Delivered or MessageEventKind.Opened or MessageEventKind.Clicked)
        {
            try
            {
                if (await log.GetAsync(shop, messageId, cancellationToken).ConfigureAwait(false) is { } message)
                {
                    await recorder.MessageEventAsync(message, kind, at, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception, kind, shop);
            }
        }

        return known;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Counting a {Kind} of {Shop} failed; the event itself is recorded")]
    private static partial void LogFailed(ILogger logger, Exception exception, MessageEventKind kind, string shop);
}
