using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Demo;

/// <summary>
/// Plays the demo: configures the shop (email after 1 h and 24 h), sends every shopper's checkout as a signed webhook,
/// then, on the server's compressed clock, lets each shopper act on each email as their ground truth says (open pixel,
/// click through the tracking link, order) or buy anyway, and finally compares the truth with the measurement API.
/// </summary>
public sealed class DemoRun(DemoOptions options, ProductClient client, TextWriter log)
{
    private static readonly string[] StepIds = ["email-1h", "email-24h"];
    private readonly GroundTruth model = GroundTruth.Default;
    private readonly ConcurrentDictionary<int, decimal> totals = new();

    public async Task<DemoReport> RunAsync(CancellationToken cancellationToken)
    {
        await client.TokenAsync(cancellationToken);
        var unavailable = new Dictionary<string, string>();
        await ConfigureShopAsync(cancellationToken);
        await StartHoldoutAsync(unavailable, cancellationToken);

        var truths = Enumerable.Range(0, options.Shoppers).Select(i => model.Draw(options.Seed, i)).ToArray();
        var byEmail = Enumerable.Range(0, options.Shoppers).ToDictionary(i => Payloads.Email(options.Seed, i));
        var sent = 0;
        var progress = new ProgressBar(log, options.Progress);
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Shoppers), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var body = Payloads.Checkout(options.Seed, i, truths[i], DateTimeOffset.UtcNow, out var total);
            totals[i] = total;
            await client.WebhookAsync("checkouts/create", body, Secret(), ct);
            progress.Show("checkouts", Interlocked.Increment(ref sent), options.Shoppers);
        });

        var play = new ShopperPlay(options, client, truths, byEmail, totals, Secret());
        await play.RunAsync(progress, cancellationToken);

        var measured = await MeasureAsync(play, unavailable, cancellationToken);
        var trueRevenue = play.Orders.Values.Where(o => o.MessagedBefore).Sum(o => o.Revenue);
        return new DemoReport(
            options.Shoppers, options.Seed, client.Shop, sent, play.EmailsSeen, play.Opens, play.Clicks, play.Orders.Count,
            measured.Accuracy, trueRevenue, measured.Revenue, Math.Round(model.TrueLift, 4), measured.Lift,
            measured.Lift is { } lift ? model.TrueLift >= lift.Low && model.TrueLift <= lift.High : null,
            null, unavailable.Append(new("experimentPickedTrueWinner", "the demo does not run a variant experiment yet: only the holdout")).ToDictionary());
    }

    private async Task ConfigureShopAsync(CancellationToken cancellationToken)
    {
        var config = new
        {
            abandonmentThreshold = "01:00:00", highValueAmount = 500, expiry = "7.00:00:00", restartOnCartChange = false,
            incentivesEnabled = false, onStepFailure = "continueWithNextStep",
            sequences = new Dictionary<string, object[]>
            {
                ["default"] =
                [
                    new { id = StepIds[0], delay = "01:00:00", channel = "email", intent = "helpfulReminder" },
                    new { id = StepIds[1], delay = "1.00:00:00", channel = "email", intent = "socialProof" },
                ],
            },
        };
        var (status, body) = await client.MerchantAsync(HttpMethod.Put, "config", config, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The shop's configuration was refused ({(int)status}): {body}");
        }
    }

    private async Task StartHoldoutAsync(Dictionary<string, string> unavailable, CancellationToken cancellationToken)
    {
        // A holdout names only its share: the server makes the arms "treated" (90 %) and "holdout" (10 %).
        var experiment = new { name = "Demo holdout", kind = "holdout", holdoutShare = 0.1 };
        var (status, body) = await client.MerchantAsync(HttpMethod.Post, "experiments", experiment, cancellationToken);
        if (status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            unavailable["holdout"] = $"POST /api/stores/{{shop}}/experiments answered {(int)status}: the server has no experiments yet, so every shopper is messaged";
            return;
        }

        if (status != HttpStatusCode.Created || body is null || !body.Value.TryGetProperty("id", out var idProperty))
        {
            throw new InvalidOperationException($"The holdout was refused ({(int)status}): {body}");
        }

        var id = idProperty.GetString();
        var (started, answer) = await client.MerchantAsync(HttpMethod.Patch, $"experiments/{id}", new { status = "running" }, cancellationToken);
        if (started != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The holdout did not start ({(int)started}): {answer}");
        }
    }

    private async Task<(double? Accuracy, decimal? Revenue, MeasuredLift? Lift)> MeasureAsync(ShopperPlay play, Dictionary<string, string> unavailable, CancellationToken cancellationToken)
    {
        var today = DateTime.UtcNow;
        var (status, analytics) = await client.MerchantAsync(HttpMethod.Get, $"analytics?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}", null, cancellationToken);
        if (status != HttpStatusCode.OK || analytics is null)
        {
            var reason = $"GET /api/stores/{{shop}}/analytics answered {(int)status}: the server has no measurement API yet";
            unavailable["attributionAccuracy"] = reason;
            unavailable["measuredRecoveredRevenue"] = reason;
            unavailable["measuredLift"] = reason;
            return (null, null, null);
        }

        decimal? revenue = analytics.Value.TryGetProperty("recoveredRevenue", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDecimal() : null;
        MeasuredLift? lift = null;
        if (analytics.Value.TryGetProperty("incrementalLift", out var l) && l.ValueKind == JsonValueKind.Object)
        {
            lift = new MeasuredLift(l.TryGetProperty("rate", out var rate) && rate.ValueKind == JsonValueKind.Number ? rate.GetDouble() : null, l.GetProperty("low").GetDouble(), l.GetProperty("high").GetDouble());
        }
        else
        {
            unavailable["measuredLift"] = "the analytics answered incrementalLift null (no holdout ran)";
        }

        var exact = 0;
        foreach (var (shopper, order) in play.Orders)
        {
            var (found, attribution) = await client.MerchantAsync(HttpMethod.Get, $"orders/{Payloads.OrderId(options.Seed, shopper)}/attribution", null, cancellationToken);
            var recovery = WorkflowId.For(client.Shop, Payloads.CheckoutToken(options.Seed, shopper)).Value;
            var measuredRecovery = found == HttpStatusCode.OK ? attribution?.GetProperty("recoveryId").GetString() : null;
            var measuredStep = found == HttpStatusCode.OK && attribution?.TryGetProperty("stepId", out var s) == true ? s.GetString() : null;
            // The truth credits an order to its recovery when a message reached the shopper first (the step is their last
            // open or click, if any). An order with no message before it is credited to no step: unattributed (404), or
            // tied to its holdout recovery without a touch (the baseline, not recovered revenue).
            var variant = found == HttpStatusCode.OK && attribution?.TryGetProperty("variant", out var v) == true && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var correct = order.MessagedBefore
                ? measuredRecovery == recovery && (order.TrueStep is null || StepOf(measuredStep) == order.TrueStep)
                : found == HttpStatusCode.NotFound || (measuredRecovery == recovery && measuredStep is null && variant?.EndsWith(":holdout", StringComparison.Ordinal) == true);
            exact += correct ? 1 : 0;
        }

        return (play.Orders.Count == 0 ? null : (double)exact / play.Orders.Count, revenue, lift);
    }

    /// <summary>A step id without a restart's generation suffix (<c>email-1h.r1</c> is step <c>email-1h</c>).</summary>
    private static string? StepOf(string? executionId) => executionId?.Split(".r")[0];

    private string Secret() => options.Secret ?? throw new InvalidOperationException("No webhook secret: pass --secret or set Shopify__ApiSecrets__0.");
}
