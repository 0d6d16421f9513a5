using CartRecovery.Core.Messaging.Sms;

namespace CartRecovery.Core.Tests.Messaging.Sms;

public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    public void Gsm7_fits_160_alone_and_153_per_part(int length, int segments)
    {
        var count = SmsSegments.Count(new string('a', length));

        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
        Assert.Equal(length, count.Units);
        Assert.Equal(segments, count.Segments);
    }

    [Theory]
    [InlineData("€", 2)]
    [InlineData("{}[]~|^\\", 16)]
    [InlineData("Price: 5€ {now}", 18)]
    [InlineData("äöüÄÖÜßéèÉ£¥§¿¡", 15)]
    public void Extension_characters_take_two_septets_and_stay_gsm7(string text, int septets)
    {
        var count = SmsSegments.Count(text);

        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
        Assert.Equal(septets, count.Units);
    }

    [Fact]
    public void Eighty_euro_signs_fill_exactly_one_segment_and_one_more_character_needs_two()
    {
        Assert.Equal(1, SmsSegments.Count(new string('€', 80)).Segments);
        Assert.Equal(2, SmsSegments.Count(new string('€', 80) + "a").Segments);
    }

    [Fact]
    public void An_escape_pair_is_not_split_across_a_segment_boundary()
    {
        // 152 septets, then "€" (2) would straddle the 153 boundary, so it moves to part 2: 152 | 2 + 151 = 153 → 2 parts;
        // one more basic character then needs a third part, though the total (306) alone would suggest two.
        var text = new string('a', 152) + "€" + new string('a', 151);
        Assert.Equal(305, SmsSegments.Count(text).Units);
        Assert.Equal(2, SmsSegments.Count(text).Segments);
        Assert.Equal(3, SmsSegments.Count(text + "a").Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Ucs2_fits_70_alone_and_67_per_part(int length, int segments)
    {
        var count = SmsSegments.Count("ç" + new string('あ', length - 1));

        Assert.Equal(SmsEncoding.Ucs2, count.Encoding);
        Assert.Equal(segments, count.Segments);
    }

    [Fact]
    public void One_character_outside_gsm7_switches_the_whole_message_to_ucs2()
    {
        var text = new string('a', 100) + "ç";

        var count = SmsSegments.Count(text);

        Assert.Equal(SmsEncoding.Ucs2, count.Encoding);
        Assert.Equal(2, count.Segments);
    }

    [Fact]
    public void A_surrogate_pair_is_not_split_across_a_segment_boundary()
    {
        var text = new string('あ', 66) + "😀" + new string('あ', 66);

        Assert.Equal(134, SmsSegments.Count(text).Units);
        Assert.Equal(3, SmsSegments.Count(text).Segments);
    }
}
