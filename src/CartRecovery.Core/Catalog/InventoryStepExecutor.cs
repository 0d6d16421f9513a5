using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Errors;
using CartRecovery.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Catalog;

/// <summary>
/// Stock, in front of the step flow: before a message that lists items, each variant's stock is looked up; sold-out lines
/// are left out, low ones marked (the scarcity copy and the <c>lowStock</c> segment read it), and a step whose every line
/// is sold out is skipped with <see cref="StockFilter.AllOutOfStock"/>. Without Admin access or when the lookup fails, the
/// step goes on with the cart as it is (the reason is logged): stock is an improvement, never a reason to fail a step.
/// </summary>
public sealed partial class InventoryStepExecutor(
    IStepExecutor inner,
    IInventoryLookup inventory,
    ShopAccessProvider access,
    IOptions<CatalogOptions> options,
    ILogger<InventoryStepExecutor> logger) : IStepExecutor
{
    public async Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var variants = request.Cart.Lines.Select(l => l.VariantId).OfType<long>().Distinct().ToList();
        if (variants.Count == 0)
        {
            return await inner.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var admin = await access.GetAsync(request.Cart.Shop, "read_inventory", cancellationToken).ConfigureAwait(false);
        if (!admin.IsAvailable)
        {
            LogUnchecked(logger, request.StepId, request.WorkflowId, admin.UnavailableReason!);
            return await inner.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyDictionary<long, int> quantities;
        try
        {
            quantities = await inventory.QuantitiesAsync(request.Cart.Shop, admin.AccessToken!, variants, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is AdminApiException or TransientAdminException or HttpRequestException)
        {
            LogUnchecked(logger, request.StepId, request.WorkflowId, error.GetType().Name);
            return await inner.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var lines = StockFilter.Apply(request.Cart.Lines, quantities, options.Value.LowStockThreshold);
        if (lines.Count == 0)
        {
            return StepOutcome.Skipped(StockFilter.AllOutOfStock);
        }

        return await inner.ExecuteAsync(request with { Cart = request.Cart with { Lines = lines } }, cancellationToken).ConfigureAwait(false);
    }

    public Task<StepOutcome> GiveUpAsync(StepRequest request, string reason, CancellationToken cancellationToken) =>
        inner.GiveUpAsync(request, reason, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Step {StepId} of {WorkflowId} goes out without a stock check: {Reason}")]
    private static partial void LogUnchecked(ILogger logger, string stepId, string workflowId, string reason);
}
