using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;

namespace CartRecovery.Core.Tests.Composition;

/// <summary>How the composer treats AI copy (the OpenAI writer itself is tested against a loopback endpoint in Integrations.Tests).</summary>
public sealed class AiFallbackTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Copy_that_passes_the_guardrails_is_used()
    {
        var ai = new ScriptedAi(_ => new MessageCopy("Your mugs are waiting", "Still in your cart", ["The Tea Towel and your mugs are still in your cart."], "Back to my cart"));

        var message = await CompositionFixture.Composer(ai).ComposeAsync(CompositionFixture.Step(CompositionFixture.Cart("en"), Channel.Email, MessageIntent.HelpfulReminder), "m1", Cancel);

        Assert.Equal("ai", message.CopySource);
        Assert.Null(message.FallbackReason);
        Assert.Equal("Your mugs are waiting", message.Subject);
        Assert.Contains("Back to my cart", message.Html);
        Assert.StartsWith("Hi Zoë,", message.Text);
    }

    [Fact]
    public async Task An_invented_discount_falls_back_to_the_template_with_the_reason()
    {
        var ai = new ScriptedAi(_ => new MessageCopy("Take 20% off today", "Hurry", ["Use SAVE20 for 20% off your cart."], "Shop now"));

        var message = await CompositionFixture.Composer(ai).ComposeAsync(CompositionFixture.Step(CompositionFixture.Cart("en"), Channel.Email, MessageIntent.HelpfulReminder), "m1", Cancel);

        Assert.Equal("template", message.CopySource);
        Assert.Equal("You left something in your cart at Zoë's Store", message.Subject);
        Assert.StartsWith("ai copy refused: number: 20", message.FallbackReason);
    }

    [Fact]
    public async Task A_writer_error_falls_back_with_its_type()
    {
        var ai = new ScriptedAi((CopyFacts _) => throw new HttpRequestException("boom"));

        var message = await CompositionFixture.Composer(ai).ComposeAsync(CompositionFixture.Step(CompositionFixture.Cart("en"), Channel.Push, MessageIntent.Scarcity), "m1", Cancel);

        Assert.Equal(("template", "ai: HttpRequestException"), (message.CopySource, message.FallbackReason));
    }

    [Fact]
    public async Task A_writer_that_does_not_answer_in_time_falls_back_as_a_timeout()
    {
        var time = new CartRecovery.Testing.ManualTimeProvider(CompositionFixture.Now);
        var started = new TaskCompletionSource();
        var ai = new ScriptedAi(async (CancellationToken token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return null!;
        });
        var composing = CompositionFixture.Composer(ai, time: time, options: new CompositionOptions { Timeout = TimeSpan.FromSeconds(5) })
            .ComposeAsync(CompositionFixture.Step(CompositionFixture.Cart("en"), Channel.Sms, MessageIntent.Scarcity), "m1", Cancel);

        await started.Task.WaitAsync(Cancel);
        time.Advance(TimeSpan.FromSeconds(5));
        var message = await composing.WaitAsync(Cancel);

        Assert.Equal(("template", "ai: timed out"), (message.CopySource, message.FallbackReason));
    }

    [Fact]
    public async Task The_popup_never_asks_the_model()
    {
        var ai = new ScriptedAi((CopyFacts _) => throw new InvalidOperationException("must not be called"));

        var message = await CompositionFixture.Composer(ai).ComposeAsync(CompositionFixture.Step(CompositionFixture.Cart("en"), Channel.Popup, MessageIntent.Scarcity), "m1", Cancel);

        Assert.Equal(("template", null), (message.CopySource, message.FallbackReason));
        Assert.Equal(0, ai.Calls);
    }

    [Fact]
    public async Task The_model_gets_no_personal_data()
    {
        CopyFacts? seen = null;
        var ai = new ScriptedAi(facts => { seen = facts; return new MessageCopy("x", null, ["x"], "x"); });

        await CompositionFixture.Composer(ai).ComposeAsync(CompositionFixture.Step(CompositionFixture.Cart("en"), Channel.Email, MessageIntent.Scarcity), "m1", Cancel);

        var serialised = System.Text.Json.JsonSerializer.Serialize(seen);
        Assert.DoesNotContain("Zoë\"", serialised.Replace("Zoë's", string.Empty));
        Assert.DoesNotContain("example.com", serialised);
        Assert.DoesNotContain("+49", serialised);
    }

    private sealed class ScriptedAi : IAiCopyWriter
    {
        private readonly Func<CopyFacts, CancellationToken, Task<MessageCopy>> answer;

        public ScriptedAi(Func<CopyFacts, MessageCopy> answer) => this.answer = (facts, _) => Task.FromResult(answer(facts));

        public ScriptedAi(Func<CancellationToken, Task<MessageCopy>> answer) => this.answer = (_, token) => answer(token);

        public int Calls { get; private set; }

        public bool Enabled => true;

        public Task<MessageCopy> WriteAsync(CopyFacts facts, CancellationToken cancellationToken)
        {
            Calls++;
            return answer(facts, cancellationToken);
        }
    }
}
