using System.Text.Json;
using System.Text.Json.Serialization;
using CartRecovery.Core.Analytics;
using CartRecovery.Core.Http;
using CartRecovery.Core.Merchant;

namespace CartRecovery.Core.Experiments.Api;

/// <summary>
/// <c>GET|POST /api/stores/{shop}/experiments</c> and <c>GET|PATCH …/experiments/{id}</c>: create (as a draft), start,
/// pause, resume, end, and read with live results. At most one experiment runs per shop. Reading a running experiment
/// whose leader meets the auto-winner rule records that winner: from then on new shoppers get it.
/// </summary>
public sealed class ExperimentsApi(IExperimentRepository store, IAnalyticsRollups rollups, SessionTokenValidator sessions, TimeProvider time)
{
    public const long MaxBodyBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public async Task<HostResponse> ListAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(sessions, request, out var shop) is { } refused)
        {
            return refused;
        }

        var views = new List<ExperimentView>();
        foreach (var experiment in await store.ListAsync(shop, cancellationToken).ConfigureAwait(false))
        {
            views.Add(await ViewAsync(experiment, cancellationToken).ConfigureAwait(false));
        }

        return HostResponse.Ok(new { items = views });
    }

    public async Task<HostResponse> CreateAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(sessions, request, out var shop) is { } refused)
        {
            return refused;
        }

        if (Read<CreateExperimentRequest>(request, out var body) is { } invalid)
        {
            return invalid;
        }

        var id = "exp" + Guid.NewGuid().ToString("N")[..10];
        var (experiment, error) = ExperimentRules.Create(shop, id, body!, time.GetUtcNow());
        if (experiment is null)
        {
            return HostResponse.Problem(400, "Invalid experiment", error);
        }

        await store.SaveAsync(experiment, cancellationToken).ConfigureAwait(false);
        return HostResponse.Ok(await ViewAsync(experiment, cancellationToken).ConfigureAwait(false), 201);
    }

    public async Task<HostResponse> GetAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(sessions, request, out var shop) is { } refused)
        {
            return refused;
        }

        var experiment = await store.GetAsync(shop, request.RouteValue("id") ?? string.Empty, cancellationToken).ConfigureAwait(false);
        return experiment is null ? NotFound() : HostResponse.Ok(await ViewAsync(experiment, cancellationToken).ConfigureAwait(false));
    }

    public async Task<HostResponse> PatchAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(sessions, request, out var shop) is { } refused)
        {
            return refused;
        }

        if (Read<PatchExperimentRequest>(request, out var body) is { } invalid)
        {
            return invalid;
        }

        var experiment = await store.GetAsync(shop, request.RouteValue("id") ?? string.Empty, cancellationToken).ConfigureAwait(false);
        if (experiment is null)
        {
            return NotFound();
        }

        if (body!.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 100))
        {
            return HostResponse.Problem(400, "Invalid experiment", "name must not be blank (at most 100 characters).");
        }

        var status = body.Status ?? experiment.Status;
        if (!ExperimentRules.CanMove(experiment.Status, status))
        {
            return HostResponse.Problem(409, "Status change not allowed", $"An experiment that is {experiment.Status.ToString().ToLowerInvariant()} cannot become {status.ToString().ToLowerInvariant()}.");
        }

        if (status == ExperimentStatus.Running && experiment.Status != ExperimentStatus.Running
            && (await store.ListAsync(shop, cancellationToken).ConfigureAwait(false)).Any(e => e.Id != experiment.Id && e.Status == ExperimentStatus.Running))
        {
            return HostResponse.Problem(409, "Another experiment is running", "End or pause it first: a shop runs one experiment at a time.");
        }

        var now = time.GetUtcNow();
        var updated = experiment with
        {
            Name = body.Name?.Trim() ?? experiment.Name,
            Status = status,
            StartedAt = experiment.StartedAt ?? (status == ExperimentStatus.Running ? now : null),
            EndedAt = status == ExperimentStatus.Ended ? experiment.EndedAt ?? now : null,
        };
        await store.SaveAsync(updated, cancellationToken).ConfigureAwait(false);
        return HostResponse.Ok(await ViewAsync(updated, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ExperimentView> ViewAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        IReadOnlyList<DailyRollup> days = [];
        if (experiment.StartedAt is { } started)
        {
            var end = experiment.EndedAt ?? time.GetUtcNow();
            days = await rollups.ReadAsync(experiment.Shop, MeasurementRecorder.Day(started), MeasurementRecorder.Day(end), cancellationToken).ConfigureAwait(false);
        }

        var results = ExperimentEvaluation.Evaluate(experiment, days);
        if (experiment.Status == ExperimentStatus.Running && experiment.Winner is null && results.Leader is { } leader)
        {
            experiment = experiment with { Winner = leader };
            await store.SaveAsync(experiment, cancellationToken).ConfigureAwait(false);
        }

        return ExperimentView.From(experiment, results);
    }

    private static HostResponse? Read<T>(HostRequest request, out T? body)
        where T : class
    {
        body = null;
        try
        {
            body = JsonSerializer.Deserialize<T>(request.Body.Span, Strict);
        }
        catch (JsonException e)
        {
            return HostResponse.Problem(400, "Invalid body", "The body is not valid JSON for this request" + (e.Path is { Length: > 0 } p ? $" (at {p})." : "."));
        }

        return body is null ? HostResponse.Problem(400, "Invalid body", "A JSON object is required.") : null;
    }

    private static HostResponse NotFound() => HostResponse.Problem(404, "Experiment not found", "No experiment of this shop has that id.");
}
