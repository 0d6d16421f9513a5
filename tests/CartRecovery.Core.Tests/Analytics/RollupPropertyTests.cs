using CartRecovery.Core.Analytics;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Tests.Fakes;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Tests.Analytics;

/// <summary>
/// Rollups updated as events arrive equal a full recount of the same stream, whatever the order and however many
/// repeats (retried steps, repeated opens, redelivered orders, refunds and cancellations). Orders match by checkout token
/// here (their buyers have no touches); the last-touch route has its own tests.
/// </summary>
public sealed class RollupPropertyTests
{
    private const string Shop = "demo.myshopify.com";
    private static readonly DateTimeOffset Day0 = new(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Channel[] StepChannels = [Channel.Email, Channel.Sms, Channel.Push];
    private static readonly string?[] Variants = [null, "e1:treated", "e1:holdout"];

    private abstract record Event(int Day);

    private sealed record Start(int Recovery, int Variant, int Day) : Event(Day);

    private sealed record Step(int Recovery, int StepIndex, StepOutcomeKind Outcome, int Day) : Event(Day);

    private sealed record Engagement(int Recovery, int StepIndex, MessageEventKind Kind, int Day) : Event(Day);

    private sealed record Order(int OrderIndex) : Event(OrderIndex % 3);

    private sealed record Refund(int OrderIndex, int RefundIndex) : Event(0);

    private sealed record Cancel(int OrderIndex) : Event(0);

    private static Gen<Event> Events { get; } = Gen.OneOf(
        Gen.Choose(0, 5).SelectMany(r => Gen.Choose(0, 2).SelectMany(v => Gen.Choose(0, 2).Select(d => (Event)new Start(r, v, d)))),
        Gen.Choose(0, 5).SelectMany(r => Gen.Choose(0, 2).SelectMany(s => Gen.Elements(StepOutcomeKind.Sent, StepOutcomeKind.Skipped, StepOutcomeKind.Failed).SelectMany(o => Gen.Choose(0, 2).Select(d => (Event)new Step(r, s, o, d))))),
        Gen.Choose(0, 5).SelectMany(r => Gen.Choose(0, 2).SelectMany(s => Gen.Elements(MessageEventKind.Delivered, MessageEventKind.Opened, MessageEventKind.Clicked, MessageEventKind.Bounced).SelectMany(k => Gen.Choose(0, 2).Select(d => (Event)new Engagement(r, s, k, d))))),
        Gen.Choose(0, 7).Select(o => (Event)new Order(o)),
        Gen.Choose(0, 7).SelectMany(o => Gen.Choose(0, 2).Select(f => (Event)new Refund(o, f))),
        Gen.Choose(0, 7).Select(o => (Event)new Cancel(o)));

    [Fact]
    public void Rollups_equal_a_full_recount_of_any_event_stream()
    {
        var streams = Gen.ListOf(Events, 60).Select(l => l.ToArray()).ToArbitrary();
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(streams, stream =>
        {
            var rollups = new InMemoryAnalyticsRollups();
            Play(stream, rollups).GetAwaiter().GetResult();
            var days = rollups.ReadAsync(Shop, DateOnly.MinValue, DateOnly.MaxValue, CancellationToken.None).GetAwaiter().GetResult();
            var actual = days.SelectMany(d => d.Counters.Select(c => (d.Day, Key: CounterKey.Parse(c.Key), c.Value)))
                .GroupBy(c => (c.Day, c.Key.Metric, c.Key.Variant)).Where(g => g.Sum(c => c.Value) != 0).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));

            Assert.Equal(Recount(stream).OrderBy(p => p.Key.ToString()), actual.OrderBy(p => p.Key.ToString()));
        }));
    }

    private static async Task Play(Event[] stream, IAnalyticsRollups rollups)
    {
        var store = new InMemoryAttributionRepository();
        var recorder = new MeasurementRecorder(store, rollups, []);
        var attributor = new OrderAttributor(store, recorder, Microsoft.Extensions.Options.Options.Create(new AttributionOptions()));
        foreach (var e in stream)
        {
            var at = Day0.AddDays(e.Day);
            switch (e)
            {
                case Start s:
                    await recorder.RecoveryStartedAsync(Cart(s.Recovery), $"rec-{s.Recovery}", Variants[s.Variant], at, default);
                    break;
                case Step s:
                    var outcome = s.Outcome switch { StepOutcomeKind.Sent => StepOutcome.Sent(MessageId(s.Recovery, s.StepIndex)), StepOutcomeKind.Skipped => StepOutcome.Skipped("quiet hours"), _ => StepOutcome.Failed("down") };
                    var request = new StepRequest($"rec-{s.Recovery}", Cart(s.Recovery), $"step-{s.StepIndex}", s.StepIndex, StepChannels[s.StepIndex], MessageIntent.HelpfulReminder, false, null, $"{Shop}/chk-{s.Recovery}/step-{s.StepIndex}");
                    await recorder.StepOutcomeAsync(request, outcome, at, default);
                    break;
                case Engagement g:
                    var message = new MessageRecord(Shop, MessageId(g.Recovery, g.StepIndex), $"rec-{g.Recovery}", $"step-{g.StepIndex}", g.StepIndex, StepChannels[g.StepIndex], MessageIntent.HelpfulReminder, "k", MessageStatus.Sent, null, $"id:{g.Recovery}", null, null, null, null, null, 1, at, at, [], false);
                    await recorder.MessageEventAsync(message, g.Kind, at, default);
                    break;
                case Order o:
                    await attributor.AttributeAsync(new OrderFacts(Shop, $"o{o.OrderIndex}", Day0.AddDays(o.Day), $"chk-{o.OrderIndex % 6}", null, $"id:buyer-{o.OrderIndex}", [], 0m, Amount(o.OrderIndex), "USD", Amount(o.OrderIndex), "USD"), default);
                    break;
                case Refund r:
                    await attributor.RefundAsync(Shop, $"o{r.OrderIndex}", $"r{r.RefundIndex}", r.RefundIndex + 1, "USD", default);
                    break;
                case Cancel c:
                    await attributor.CancelAsync(Shop, $"o{c.OrderIndex}", default);
                    break;
            }
        }
    }

    /// <summary>The expected counters straight from the stream: the first of each fact counts, orders only once their recovery exists.</summary>
    private static Dictionary<(DateOnly, string, string), decimal> Recount(Event[] stream)
    {
        var counts = new Dictionary<(DateOnly, string, string), decimal>();
        void Add(int day, string metric, string? variant, decimal value) =>
            counts[(DateOnly.FromDateTime(Day0.AddDays(day).UtcDateTime), metric, variant ?? string.Empty)] = counts.GetValueOrDefault((DateOnly.FromDateTime(Day0.AddDays(day).UtcDateTime), metric, variant ?? string.Empty)) + value;

        var started = new Dictionary<int, string?>();
        var steps = new HashSet<(int, int)>();
        var engagements = new HashSet<(int, int, MessageEventKind)>();
        var orders = new Dictionary<int, (decimal Refunded, bool Cancelled)>();
        var refunds = new HashSet<(int, int)>();
        foreach (var e in stream)
        {
            switch (e)
            {
                case Start s when started.TryAdd(s.Recovery, Variants[s.Variant]):
                    Add(s.Day, Metric.Started, Variants[s.Variant], 1);
                    break;
                case Step s when steps.Add((s.Recovery, s.StepIndex)):
                    Add(s.Day, s.Outcome switch { StepOutcomeKind.Sent => Metric.Sent, StepOutcomeKind.Skipped => Metric.Skipped, _ => Metric.Failed }, null, 1);
                    break;
                case Engagement g when g.Kind != MessageEventKind.Bounced && engagements.Add((g.Recovery, g.StepIndex, g.Kind)):
                    Add(g.Day, g.Kind switch { MessageEventKind.Delivered => Metric.Delivered, MessageEventKind.Opened => Metric.Opened, _ => Metric.Clicked }, started.GetValueOrDefault(g.Recovery), 1);
                    break;
                case Order o when started.ContainsKey(o.OrderIndex % 6) && orders.TryAdd(o.OrderIndex, (0m, false)):
                    break;
                case Refund r when orders.TryGetValue(r.OrderIndex, out var state) && refunds.Add((r.OrderIndex, r.RefundIndex)):
                    orders[r.OrderIndex] = state with { Refunded = state.Refunded + r.RefundIndex + 1 };
                    break;
                case Cancel c when orders.TryGetValue(c.OrderIndex, out var state):
                    orders[c.OrderIndex] = state with { Cancelled = true };
                    break;
            }
        }

        foreach (var (index, state) in orders)
        {
            var variant = started[index % 6];
            Add(index % 3, Metric.Orders, variant, 1);
            Add(index % 3, Metric.Revenue, variant, state.Cancelled ? 0 : Math.Max(0, Amount(index) - state.Refunded));
        }

        return counts.Where(c => c.Value != 0).ToDictionary(c => c.Key, c => c.Value);
    }

    private static decimal Amount(int orderIndex) => 10m * (orderIndex + 1);

    private static string MessageId(int recovery, int step) => $"m-{recovery}-{step}";

    private static CartSnapshot Cart(int recovery) =>
        new(Shop, $"chk-{recovery}", CartKind.Checkout, null, $"chk-{recovery}", new CustomerSnapshot(recovery, null, null, 0, 0m), ContactInfo.None, "USD", 10m, null, [], null, Day0);
}
