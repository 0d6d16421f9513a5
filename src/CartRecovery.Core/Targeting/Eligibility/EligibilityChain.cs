using CartRecovery.Core.Telemetry;
using CartRecovery.Core.Targeting.Rules;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Targeting.Eligibility;

/// <summary>
/// Runs the shop's filters in the shop's order and stops at the first that skips or defers. A name in the shop's list with
/// no registered filter (the inventory filter before the Admin API work registers it) is passed over. Every run is counted
/// once: by the deciding filter and its outcome, or as <see cref="PassedName"/> (metrics and <see cref="IEligibilityStats"/>);
/// a filter that passes with a note (Klaviyo unavailable, sent by the shop's policy) is counted as its own pass as well.
/// </summary>
public sealed partial class EligibilityChain
{
    public const string PassedName = "passed";

    private readonly Dictionary<string, IEligibilityFilter> filters;
    private readonly IEligibilityStats? stats;
    private readonly ILogger<EligibilityChain> logger;

    public EligibilityChain(IEnumerable<IEligibilityFilter> filters, ILogger<EligibilityChain> logger, IEligibilityStats? stats = null)
    {
        // The last registration of a name wins, so a host can replace a built-in filter.
        this.filters = new(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            this.filters[filter.Name] = filter;
        }

        this.stats = stats;
        this.logger = logger;
    }

    public bool Has(string name) => filters.ContainsKey(name);

    public async Task<ChainResult> EvaluateAsync(EligibilityContext context, CancellationToken cancellationToken)
    {
        var holds = new List<IReservingFilter>();
        var verdict = FilterVerdict.Pass(PassedName);
        foreach (var name in context.Rules.Filters ?? FilterNames.DefaultOrder)
        {
            if (!filters.TryGetValue(name, out var filter))
            {
                continue;
            }

            var answer = await filter.EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
            if (answer.Kind == VerdictKind.Pass)
            {
                if (answer.Reason is not null)
                {
                    // A pass with a note (Klaviyo did not answer and the shop sends anyway) is recorded on its own.
                    await CountAsync(context, answer, cancellationToken).ConfigureAwait(false);
                }

                if (filter is IReservingFilter reserving)
                {
                    holds.Add(reserving);
                }

                continue;
            }

            verdict = answer;
            await ReleaseAsync(holds, context, cancellationToken).ConfigureAwait(false);
            holds.Clear();
            break;
        }

        await CountAsync(context, verdict, cancellationToken).ConfigureAwait(false);
        return new ChainResult(verdict, holds);
    }

    /// <summary>Gives back what the passing filters held (the step was not sent after all).</summary>
    public static async Task ReleaseAsync(IReadOnlyList<IReservingFilter> holds, EligibilityContext context, CancellationToken cancellationToken)
    {
        foreach (var hold in holds)
        {
            await hold.ReleaseAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases whatever every reserving filter of the shop's list may hold for the step (after the engine gave up on it).</summary>
    public async Task ReleaseAllAsync(EligibilityContext context, CancellationToken cancellationToken)
    {
        var reserving = (context.Rules.Filters ?? FilterNames.DefaultOrder)
            .Select(name => filters.GetValueOrDefault(name))
            .OfType<IReservingFilter>()
            .ToList();
        await ReleaseAsync(reserving, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task CountAsync(EligibilityContext context, FilterVerdict verdict, CancellationToken cancellationToken)
    {
        CartRecoveryMetrics.EligibilityDecided(context.Stage.ToString(), verdict.Filter, verdict.Kind.ToString());
        if (verdict.Kind != VerdictKind.Pass || verdict.Reason is not null)
        {
            LogDecided(context.Stage, verdict.Filter, verdict.Kind, verdict.Reason, verdict.Until);
        }

        if (stats is null)
        {
            return;
        }

        try
        {
            await stats.RecordAsync(context.Cart.Shop, DateOnly.FromDateTime(context.Now.UtcDateTime), verdict.Filter, verdict.Kind, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A count is analytics: losing one must not hold back or repeat a customer's message.
            LogCountLost(verdict.Filter, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Eligibility ({Stage}): {Filter} decided {Kind} ({Reason}, until {Until})")]
    private partial void LogDecided(EligibilityStage stage, string filter, VerdictKind kind, string? reason, DateTimeOffset? until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eligibility count for {Filter} not recorded: {Error}")]
    private partial void LogCountLost(string filter, string error);
}
