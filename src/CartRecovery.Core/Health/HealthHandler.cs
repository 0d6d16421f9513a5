using System.Diagnostics;
using CartRecovery.Core.Http;

namespace CartRecovery.Core.Health;

/// <summary>
/// <c>GET /api/health</c>: 200 when every dependency answers within the timeout, else 503 naming what failed and why.
/// The reasons are exception messages of our own clients, which carry status codes and error codes, never secrets.
/// </summary>
public sealed class HealthHandler(IEnumerable<IDependencyProbe> probes)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HostResponse> HandleAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(probes.Select(p => ProbeAsync(p, cancellationToken)));
        var healthy = results.All(r => r.Healthy);
        var body = new HealthReport(healthy ? "healthy" : "unhealthy", results);
        return healthy
            ? HostResponse.Ok(body)
            : HostResponse.Problem(503, "Service unavailable", string.Join("; ", results.Where(r => !r.Healthy).Select(r => $"{r.Name}: {r.Error}")), new Dictionary<string, object?> { ["checks"] = results });
    }

    private static async Task<HealthCheckResult> ProbeAsync(IDependencyProbe probe, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await probe.ProbeAsync(timeout.Token);
            return new HealthCheckResult(probe.Name, true, null, watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(probe.Name, false, $"no answer within {Timeout.TotalSeconds:0} s", watch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheckResult(probe.Name, false, e.Message, watch.ElapsedMilliseconds);
        }
    }
}
