using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;
using CartRecovery.Core.Messaging.Composition.Guardrails;

namespace CartRecovery.Core.Tests.Composition;

public sealed class GuardrailTests
{
    private static CopyFacts Facts(string language = "en", Channel channel = Channel.Email, CopyFactIncentive? incentive = null) => new(
        language,
        MessageIntent.HelpfulReminder,
        channel,
        "warm",
        "Zoë's Store",
        [new CopyFactItem("Ceramic Mug 350", "Blue", 2, 24.5m, "$49.00"), new CopyFactItem("Tea Towel", null, 1, 9.99m, "$9.99")],
        58.99m,
        "$58.99",
        "USD",
        incentive);

    private static MessageCopy Copy(string subject, string body, string cta = "Complete your purchase", string? preheader = "Your cart is saved") =>
        new(subject, preheader, [body], cta);

    [Theory]
    [InlineData("en", "Your cart is waiting", "Your Ceramic Mug 350 and the Tea Towel are still in your cart at Zoë's Store.", "Back to your cart")]
    [InlineData("en", "Still thinking?", "You picked 2 mugs for $49.00; your total is $58.99, and we kept it for you.", "Complete your purchase")]
    [InlineData("de", "Ihr Warenkorb wartet", "Ihr Ceramic Mug 350 ist noch im Warenkorb und wartet auf Sie.", "Zum Warenkorb")]
    [InlineData("fr", "Votre panier vous attend", "Votre Tea Towel est toujours dans votre panier, pour un total de 58,99 $.", "Voir mon panier")]
    [InlineData("es", "Tu carrito te espera", "Tu Tea Towel todavía está en tu carrito y te espera.", "Ver mi carrito")]
    [InlineData("ja", "カートに商品が残っています", "Ceramic Mug 350 はまだカートに残っています。ご購入をお待ちしております。", "カートを見る")]
    public void Copy_that_keeps_to_the_facts_passes(string language, string subject, string body, string cta)
    {
        Assert.Null(CopyGuardrails.Check(Copy(subject, body, cta, preheader: null), Facts(language)));
    }

    [Theory]
    [InlineData("Take 15% off your cart today", "number: 15")]
    [InlineData("Here is a discount just for you.", "discount: \"discount\"")]
    [InlineData("Enjoy free shipping on your order.", "discount: \"free shipping\"")]
    [InlineData("Your mugs now cost $39.00!", "number: 39.00")]
    [InlineData("Use WELCOMEBACK at checkout.", "code: WELCOMEBACK")]
    [InlineData("Your cart expires tonight.", "deadline: \"tonight\"")]
    [InlineData("Only 4 left in stock!", "number: 4")]
    [InlineData("Pair it with our \"Golden Teapot\" for the full set.", "product: \"Golden Teapot\"")]
    public void Invented_discounts_prices_codes_deadlines_and_products_are_refused(string body, string reason)
    {
        var refusal = CopyGuardrails.Check(Copy("Your cart is waiting", body), Facts());

        Assert.StartsWith(reason, refusal);
    }

    [Fact]
    public void The_incentive_in_the_facts_may_be_mentioned_exactly()
    {
        var incentive = new CopyFactIncentive("THANKS-5XQ", 10m, null, null, null, null);

        Assert.Null(CopyGuardrails.Check(Copy("A thank-you for you", "Use code THANKS-5XQ for 10% off your cart."), Facts(incentive: incentive)));
        Assert.StartsWith("number: 20", CopyGuardrails.Check(Copy("A thank-you for you", "Use code THANKS-5XQ for 20% off your cart."), Facts(incentive: incentive)));
        Assert.StartsWith("deadline", CopyGuardrails.Check(Copy("A thank-you for you", "Use code THANKS-5XQ before midnight."), Facts(incentive: incentive)));
    }

    [Theory]
    [InlineData("Visit https://zoe.example/cart to finish.")]
    [InlineData("Go to www.zoe.example now.")]
    [InlineData("Reply to help@zoe.example any time.")]
    [InlineData("Finish [here](/cart) now.")]
    [InlineData("Your cart is at zoe-store.com still.")]
    public void Links_are_refused(string body)
    {
        Assert.StartsWith("link", CopyGuardrails.Check(Copy("Your cart is waiting", body), Facts()));
    }

    [Fact]
    public void Markup_is_refused()
    {
        Assert.StartsWith("markup", CopyGuardrails.Check(Copy("Your cart is waiting", "Your cart is <b>still</b> saved for you."), Facts()));
    }

    [Theory]
    [InlineData("fr", "Your cart is waiting", "Your items are still in the cart for you.")]
    [InlineData("en", "Ihr Warenkorb wartet", "Ihre Artikel sind noch im Warenkorb und warten auf Sie.")]
    [InlineData("de", "Tu carrito te espera", "Tus artículos todavía están en tu carrito y te esperan.")]
    [InlineData("ja", "Your cart is waiting", "Your items are still in the cart for you.")]
    [InlineData("ja", "购物车在等你", "你的商品还在购物车里。")]
    [InlineData("en", "カートがお待ちしています", "商品はまだカートに残っています。")]
    public void Copy_in_the_wrong_language_is_refused(string language, string subject, string body)
    {
        Assert.StartsWith("language", CopyGuardrails.Check(Copy(subject, body, cta: "OK", preheader: null), Facts(language)));
    }

    [Fact]
    public void Length_limits_depend_on_the_channel()
    {
        var longSubject = new string('a', 79);
        Assert.StartsWith("length: subject has 79", CopyGuardrails.Check(Copy(longSubject, "Your cart is still here for you."), Facts()));

        var longSms = "Your cart is still here for you and " + new string('x', 180);
        Assert.StartsWith("length: paragraph", CopyGuardrails.Check(new MessageCopy(null, null, [longSms], "Go"), Facts(channel: Channel.Sms)));

        Assert.StartsWith("length: 2 paragraphs", CopyGuardrails.Check(new MessageCopy("Your cart", null, ["Your cart is here.", "It is saved."], "Go"), Facts(channel: Channel.Push)));
        Assert.StartsWith("length: empty subject", CopyGuardrails.Check(new MessageCopy(" ", null, ["Your cart is here."], "Go"), Facts(channel: Channel.Push)));
        Assert.StartsWith("length: empty call to action", CopyGuardrails.Check(Copy("Your cart is waiting", "Your cart is still here for you.", cta: ""), Facts()));
    }

    [Fact]
    public void Full_width_digits_are_numbers_too()
    {
        Assert.StartsWith("number", CopyGuardrails.Check(Copy("カートがお待ちしています", "今なら２０％オフでご購入いただけます。", "カートを見る", null), Facts("ja")));
    }
}
