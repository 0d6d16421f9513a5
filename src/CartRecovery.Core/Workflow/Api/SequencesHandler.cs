using System.Text.Json;
using CartRecovery.Core.Http;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Workflow.Sequences;

namespace CartRecovery.Core.Workflow.Api;

/// <summary>
/// <c>/api/stores/{shop}/sequences…</c>: list (paged, by status), read one, stop with a reason, restart. Stop and restart
/// are signals to the engine, so they answer 202 and the change shows once the engine applied it (within a second).
/// </summary>
public sealed class SequencesHandler(SessionTokenValidator tokens, ISequenceIndex index, IRecoveryWorkflows workflows, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxReasonLength = 500;

    /// <summary>Stop and restart bodies carry at most a reason; both hosts refuse larger ones with 413.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    public async Task<HostResponse> ListAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        RecoveryStatus? status = request.QueryValue("status") switch
        {
            null or "" => null,
            "active" => RecoveryStatus.Active,
            "completed" => RecoveryStatus.Completed,
            "stopped" => RecoveryStatus.Stopped,
            _ => RecoveryStatus.New,
        };
        if (status == RecoveryStatus.New)
        {
            return HostResponse.Problem(400, "Invalid status", "status must be active, completed or stopped.");
        }

        var pageSize = DefaultPageSize;
        if (request.QueryValue("pageSize") is { Length: > 0 } size && (!int.TryParse(size, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return HostResponse.Problem(400, "Invalid page size", $"pageSize must be a whole number from 1 to {MaxPageSize}.");
        }

        var token = request.QueryValue("continuationToken") is { Length: > 0 } t ? t : null;
        try
        {
            var page = await index.ListAsync(shop, status, token, pageSize, cancellationToken);
            return WorkflowJson.Response(new { items = page.Items.Select(SequenceListItem.From), continuationToken = page.ContinuationToken });
        }
        catch (ArgumentException) when (token is not null)
        {
            return HostResponse.Problem(400, "Invalid continuation token", "Use the continuationToken of the previous page as it was returned.");
        }
    }

    public async Task<HostResponse> GetAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        return await index.GetAsync(shop, request.RouteValue("id") ?? string.Empty, cancellationToken) is { } summary
            ? WorkflowJson.Response(summary)
            : NotFound();
    }

    public async Task<HostResponse> StopAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        if (ReadReason(request) is not { } reason)
        {
            return HostResponse.Problem(400, "Invalid stop request", $"The body must be JSON with a \"reason\" of 1 to {MaxReasonLength} characters.");
        }

        if (await index.GetAsync(shop, request.RouteValue("id") ?? string.Empty, cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        if (summary.Status != RecoveryStatus.Active)
        {
            return HostResponse.Problem(409, "Not active", $"The recovery is already {Name(summary.Status)}.");
        }

        await workflows.SignalAsync(new WorkflowId(summary.Id), new MerchantStop(time.GetUtcNow(), reason), cancellationToken);
        return WorkflowJson.Response(new { id = summary.Id, requested = "stop" }, 202);
    }

    public async Task<HostResponse> RestartAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(tokens, request, out var shop) is { } denied)
        {
            return denied;
        }

        if (await index.GetAsync(shop, request.RouteValue("id") ?? string.Empty, cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        if (!RecoveryDecider.CanRestart(summary.Status, summary.StopReason))
        {
            return HostResponse.Problem(409, "Cannot restart", $"A recovery stopped because of {Name(summary.StopReason)} is not restarted.");
        }

        await workflows.SignalAsync(new WorkflowId(summary.Id), new MerchantRestart(time.GetUtcNow()), cancellationToken);
        return WorkflowJson.Response(new { id = summary.Id, requested = "restart" }, 202);
    }

    private static string? ReadReason(HostRequest request)
    {
        try
        {
            using var json = JsonDocument.Parse(request.Body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("reason", out var r)
                && r.ValueKind == JsonValueKind.String
                && r.GetString() is { } reason
                && reason.Trim().Length is > 0 and <= MaxReasonLength
                    ? reason.Trim()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HostResponse NotFound() => HostResponse.Problem(404, "Not found", "No recovery with this id in this store.");

    private static string Name<T>(T value) => JsonNamingPolicy.CamelCase.ConvertName(value?.ToString() ?? "unknown");
}
