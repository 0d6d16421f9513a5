using CartRecovery.Core.Admin.Install;

namespace CartRecovery.Core.Tests.Admin;

public sealed class OAuthQuerySignatureTests
{
    // Shopify's documented example of a signed OAuth callback (secret "hush").
    private static Dictionary<string, string> Documented() => new()
    {
        ["code"] = "0907a61c0c8d55e99db179b68161bc00",
        ["hmac"] = "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf",
        ["shop"] = "some-shop.myshopify.com",
        ["state"] = "0.6784241404160823",
        ["timestamp"] = "1337178173",
    };

    [Fact]
    public void Shopifys_documented_example_verifies_with_any_configured_secret()
    {
        Assert.True(OAuthQuerySignature.IsValid(Documented(), ["hush"]));
        Assert.True(OAuthQuerySignature.IsValid(Documented(), ["new-secret", "hush"]));
        Assert.False(OAuthQuerySignature.IsValid(Documented(), ["not-hush"]));
    }

    [Fact]
    public void A_changed_parameter_or_a_malformed_hmac_fails()
    {
        var changed = Documented();
        changed["shop"] = "other-shop.myshopify.com";
        var shortHmac = Documented();
        shortHmac["hmac"] = "700e2d";
        var missing = Documented();
        missing.Remove("hmac");

        Assert.False(OAuthQuerySignature.IsValid(changed, ["hush"]));
        Assert.False(OAuthQuerySignature.IsValid(shortHmac, ["hush"]));
        Assert.False(OAuthQuerySignature.IsValid(missing, ["hush"]));
    }

    [Fact]
    public void Separators_in_values_are_escaped_so_pairs_stay_unambiguous()
    {
        var query = new Dictionary<string, string> { ["a"] = "1&b=2", ["signature"] = "ignored" };

        Assert.Equal("a=1%26b=2", OAuthQuerySignature.Message(query));
    }
}
