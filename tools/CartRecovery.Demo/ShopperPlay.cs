using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CartRecovery.Demo;

/// <summary>
/// The shoppers' side on the server's compressed clock: each email that reaches MailDev is opened (the tracking pixel),
/// clicked (the tracked link) and followed by an order as that shopper's truth says; shoppers who buy anyway order at
/// their own moment. The true attribution of each order is the last message the shopper touched, or none.
/// </summary>
public sealed partial class ShopperPlay(
    DemoOptions options,
    ProductClient client,
    ShopperTruth[] truths,
    IReadOnlyDictionary<string, int> byEmail,
    ConcurrentDictionary<int, decimal> totals,
    string secret)
{
    private static readonly string[] StepIds = ["email-1h", "email-24h"];
    private readonly HashSet<string> seen = [];
    private readonly Dictionary<int, int> received = [];
    private readonly Dictionary<int, int> lastTouch = [];

    public ConcurrentDictionary<int, PlayedOrder> Orders { get; } = new();

    public int EmailsSeen { get; private set; }

    public int Opens { get; private set; }

    public int Clicks { get; private set; }

    /// <summary>Threshold (1 h) + last step (24 h) + 3 h of slack, on the server's clock; then a few seconds for the last webhooks.</summary>
    public TimeSpan Duration => TimeSpan.FromHours(28) / options.TimeScale + TimeSpan.FromSeconds(5);

    public async Task RunAsync(ProgressBar progress, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        var lastEmail = start;
        // Past the planned duration, go on while emails still arrive (a loaded server lags), up to four times as long.
        while (DateTimeOffset.UtcNow - start < Duration
            || (DateTimeOffset.UtcNow - lastEmail < TimeSpan.FromSeconds(5) && DateTimeOffset.UtcNow - start < Duration * 4))
        {
            var elapsed = Math.Min(1, (DateTimeOffset.UtcNow - start) / Duration);
            if (await ReadMailboxAsync(cancellationToken))
            {
                lastEmail = DateTimeOffset.UtcNow;
            }

            var buyingAnyway = Enumerable.Range(0, truths.Length)
                .Where(i => truths[i].BuysAnyway && elapsed >= truths[i].BuysAnywayAt && !Orders.ContainsKey(i))
                .ToList();
            if (buyingAnyway.Count > 0 && await ReadMailboxAsync(cancellationToken))
            {
                // Read again just before ordering: an email the server sent since the last read reached the shopper before
                // their order, and the truth must say so (the server's attribution sees the send).
                lastEmail = DateTimeOffset.UtcNow;
            }

            foreach (var i in buyingAnyway.Where(i => !Orders.ContainsKey(i)))
            {
                await OrderAsync(i, cancellationToken);
            }

            progress.Show("shoppers", (int)Math.Min(100, elapsed * 100), 100, $"{EmailsSeen} emails, {Opens} opened, {Clicks} clicked, {Orders.Count} orders");
            await Task.Delay(500, cancellationToken);
        }

        progress.Done();
    }

    /// <summary>Acts on every email not seen before; true when there was one.</summary>
    private async Task<bool> ReadMailboxAsync(CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var (id, to, html) in await client.EmailsAsync(cancellationToken))
        {
            if (seen.Add(id) && byEmail.TryGetValue(to, out var shopper))
            {
                any = true;
                await ActOnEmailAsync(shopper, html, cancellationToken);
            }
        }

        return any;
    }

    private async Task ActOnEmailAsync(int shopper, string html, CancellationToken cancellationToken)
    {
        EmailsSeen++;
        var step = received[shopper] = received.GetValueOrDefault(shopper) + 1;
        var k = step - 1;
        var truth = truths[shopper];
        if (k >= StepIds.Length || Orders.ContainsKey(shopper) || !truth.Opens[k])
        {
            return;
        }

        if (Pixel().Match(html) is { Success: true } pixel)
        {
            await client.VisitAsync(System.Net.WebUtility.HtmlDecode(pixel.Value), cancellationToken);
            Opens++;
            lastTouch[shopper] = k;
        }

        if (truth.Clicks[k] && Click().Match(html) is { Success: true } click)
        {
            await client.VisitAsync(System.Net.WebUtility.HtmlDecode(click.Value), cancellationToken);
            Clicks++;
            lastTouch[shopper] = k;
            if (truth.BuysAfterClick[k])
            {
                await OrderAsync(shopper, cancellationToken);
            }
        }
    }

    private async Task OrderAsync(int shopper, CancellationToken cancellationToken)
    {
        var total = totals[shopper];
        var trueStep = lastTouch.TryGetValue(shopper, out var k) ? StepIds[k] : null;
        Orders[shopper] = new PlayedOrder(total, trueStep, received.GetValueOrDefault(shopper) > 0);
        await client.WebhookAsync("orders/create", Payloads.Order(options.Seed, shopper, total, DateTimeOffset.UtcNow), secret, cancellationToken);
    }

    [GeneratedRegex("https?://[^\"'\\s<>]+/api/t/o/[^\"'\\s<>]+")]
    private static partial Regex Pixel();

    [GeneratedRegex("https?://[^\"'\\s<>]+/api/t/c/[^\"'\\s<>]+")]
    private static partial Regex Click();
}

/// <summary>An order a shopper placed: its value, the step the truth attributes it to (last touch, or none), and whether a message reached them first.</summary>
public sealed record PlayedOrder(decimal Revenue, string? TrueStep, bool MessagedBefore);
