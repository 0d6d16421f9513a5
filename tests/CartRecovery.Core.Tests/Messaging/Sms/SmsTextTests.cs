using CartRecovery.Core.Messaging.Sms;

namespace CartRecovery.Core.Tests.Messaging.Sms;

public sealed class SmsTextTests
{
    private const string Link = "https://demo.example/r/abc123?utm_medium=sms";

    [Fact]
    public void A_short_message_gets_the_store_name_the_link_and_the_opt_out_wording()
    {
        var fit = SmsText.Fit("Your cart is waiting.", Link, "Demo Store", "en", 1)!;

        Assert.Equal($"Demo Store: Your cart is waiting. {Link}\nReply STOP to opt out", fit.Text);
        Assert.False(fit.Shortened);
        Assert.Equal(1, fit.Count.Segments);
    }

    [Fact]
    public void A_link_already_in_the_body_moves_to_the_end_and_appears_once()
    {
        var fit = SmsText.Fit($"Complete your order: {Link} today", Link, "Demo Store", "en", 2)!;

        Assert.Equal($"Demo Store: Complete your order: today {Link}\nReply STOP to opt out", fit.Text);
        Assert.Equal(1, CountOf(fit.Text, Link));
    }

    [Fact]
    public void Store_name_and_stop_wording_already_present_are_not_repeated()
    {
        var fit = SmsText.Fit("Demo Store: hi. Text STOP to quit", null, "Demo Store", "en", 1)!;

        Assert.Equal("Demo Store: hi.\nText STOP to quit", fit.Text);
    }

    [Fact]
    public void The_composers_own_opt_out_sentence_stays_whole_and_last_after_the_link()
    {
        var composed = $"Demo Store: your cart is saved and ready when you are. {Link} Reply STOP to opt out.";

        var fit = SmsText.Fit(composed, Link, "Demo Store", "en", 1)!;

        Assert.Equal($"Demo Store: your cart is saved and ready when you are. {Link}\nReply STOP to opt out.", fit.Text);
    }

    [Fact]
    public void Shortening_a_composed_message_never_cuts_its_opt_out_sentence()
    {
        var body = string.Join(' ', Enumerable.Repeat("Still waiting.", 40));
        var composed = $"Demo Store: {body} {Link} 配信停止はSTOPと返信してください。";

        var fit = SmsText.Fit(composed, Link, "Demo Store", "ja", 2)!;

        Assert.True(fit.Shortened);
        Assert.True(fit.Count.Segments <= 2);
        Assert.EndsWith($"… {Link}\n配信停止はSTOPと返信してください。", fit.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "Antworte STOP zum Abmelden")]
    [InlineData("fr-CA", "Répondez STOP pour vous désabonner")]
    [InlineData("es", "Responde STOP para darte de baja")]
    [InlineData("ja", "配信停止はSTOPと返信")]
    [InlineData("pt-BR", "Reply STOP to opt out")]
    [InlineData(null, "Reply STOP to opt out")]
    public void The_opt_out_wording_follows_the_locale_and_keeps_the_stop_keyword(string? locale, string wording)
    {
        Assert.Equal(wording, SmsText.OptOutWording(locale));
        Assert.Contains("STOP", SmsText.OptOutWording(locale), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_body_is_shortened_at_a_word_boundary_to_fit_the_segment_limit_keeping_link_and_opt_out()
    {
        var body = string.Join(' ', Enumerable.Repeat("lovely", 80));

        var fit = SmsText.Fit(body, Link, "Demo Store", "en", 2)!;

        Assert.True(fit.Shortened);
        Assert.True(fit.Count.Segments <= 2);
        Assert.StartsWith("Demo Store: lovely", fit.Text, StringComparison.Ordinal);
        Assert.EndsWith($"lovely... {Link}\nReply STOP to opt out", fit.Text, StringComparison.Ordinal);
        Assert.Equal(SmsEncoding.Gsm7, fit.Count.Encoding);
        // As long as possible: one more word would not fit.
        var longer = fit.Text.Replace("lovely...", "lovely lovely...", StringComparison.Ordinal);
        Assert.True(SmsSegments.Count(longer).Segments > 2);
    }

    [Fact]
    public void A_ucs2_body_is_shortened_with_a_unicode_ellipsis_within_the_limit()
    {
        var fit = SmsText.Fit(new string('あ', 300), Link, "デモストア", "ja", 2)!;

        Assert.True(fit.Shortened);
        Assert.Equal(SmsEncoding.Ucs2, fit.Count.Encoding);
        Assert.True(fit.Count.Segments <= 2);
        Assert.Contains("あ…", fit.Text, StringComparison.Ordinal);
        Assert.EndsWith("配信停止はSTOPと返信", fit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_fits_when_the_fixed_parts_alone_exceed_the_limit()
    {
        Assert.Null(SmsText.Fit("hi", "https://demo.example/" + new string('x', 200), "Demo Store", "en", 1));
    }

    [Fact]
    public void Property_every_fitted_message_respects_the_limit_and_keeps_store_link_and_stop()
    {
        var random = new Random(7);
        const string alphabet = "abc xyz€{}äあ😀";
        for (var run = 0; run < 300; run++)
        {
            var body = new string(Enumerable.Range(0, random.Next(0, 600)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var max = random.Next(1, 5);

            var fit = SmsText.Fit(body, Link, "Demo Store", "en", max);

            Assert.NotNull(fit);
            Assert.True(SmsSegments.Count(fit.Text).Segments <= max, $"{fit.Text.Length} chars in more than {max} segments");
            Assert.StartsWith("Demo Store: ", fit.Text, StringComparison.Ordinal);
            Assert.Contains(Link, fit.Text, StringComparison.Ordinal);
            Assert.EndsWith("Reply STOP to opt out", fit.Text, StringComparison.Ordinal);
        }
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
