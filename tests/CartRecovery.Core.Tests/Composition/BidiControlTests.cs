using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;

namespace CartRecovery.Core.Tests.Composition;

/// <summary>Bidirectional controls in names and titles never reach rendered text, in any channel (a right-to-left override reorders what the shopper reads).</summary>
public sealed class BidiControlTests
{
    private static readonly string[] Controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];

    public static TheoryData<Channel, MessageIntent> Channels() => new()
    {
        { Channel.Email, MessageIntent.HelpfulReminder },
        { Channel.Sms, MessageIntent.HelpfulReminder },
        { Channel.Push, MessageIntent.Scarcity },
        { Channel.Popup, MessageIntent.HelpfulReminder },
    };

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task No_bidi_control_survives_into_a_rendered_message(Channel channel, MessageIntent intent)
    {
        var name = "Zo\u202Eë" + string.Concat(Controls);
        var line = new CartLine(1, 11, "Mug \u202Egpj.exe\u2066 x\u2069", "Blue\u200F", 1, 20m, null, "MUG-1");
        var cart = CompositionFixture.Cart("en", name, line);

        var message = await CompositionFixture.Composer().ComposeAsync(CompositionFixture.Step(cart, channel, intent), "msg-bidi", TestContext.Current.CancellationToken);

        foreach (var text in new[] { message.Subject, message.Preheader, message.Html, message.Text, message.Title })
        {
            Assert.False(text is not null && text.Any(TextSafety.IsBidiControl), $"a bidi control is left in {channel}: {text}");
        }
    }

    [Fact]
    public void Single_line_text_keeps_the_letters_around_removed_controls()
    {
        Assert.Equal("Zoë exe.gpj", TextSafety.SingleLine("Zo\u202Eë\u200F exe.gpj\u2069"));
    }
}
