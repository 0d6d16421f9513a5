using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Tests.Composition;

/// <summary>Every locale × intent × channel renders exactly as its reviewed golden file (final offers carry a code).</summary>
public sealed class GoldenMessageTests
{
    public static TheoryData<string, MessageIntent, Channel> Combinations()
    {
        var data = new TheoryData<string, MessageIntent, Channel>();
        foreach (var language in CompositionFixture.Locales.Keys)
        {
            foreach (var intent in Enum.GetValues<MessageIntent>())
            {
                foreach (var channel in Enum.GetValues<Channel>())
                {
                    data.Add(language, intent, channel);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Renders_as_the_golden_file(string language, MessageIntent intent, Channel channel)
    {
        var cart = CompositionFixture.Cart(language);
        var step = CompositionFixture.Step(cart, channel, intent, intent == MessageIntent.FinalOffer ? CompositionFixture.Offer : null);

        var message = await CompositionFixture.Composer().ComposeAsync(step, "msg-0001", TestContext.Current.CancellationToken);

        GoldenFiles.Verify(Path.Combine(language, $"{intent}.{channel.ToString().ToLowerInvariant()}.txt"), GoldenFiles.Describe(message));
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_combination()
    {
        var expected = Combinations().Select(row => Path.Combine(row.Data.Item1, $"{row.Data.Item2}.{row.Data.Item3.ToString().ToLowerInvariant()}.txt")).ToHashSet();
        var present = Directory.EnumerateFiles(GoldenFiles.Folder, "*.txt", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(GoldenFiles.Folder, f)).ToHashSet();

        Assert.Empty(present.Except(expected));
        Assert.Equal(80, expected.Count);
    }
}
