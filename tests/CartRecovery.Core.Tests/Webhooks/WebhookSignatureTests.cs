using System.Text;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Webhooks;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "shpss_current_3f9a";
    private const string OldSecret = "shpss_previous_77c1";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(ShopifyFixtures.Text("checkouts_create"));

    private static WebhookSignature Verifier(params string[] secrets) => new(new ShopifyOptions { ApiSecrets = [.. secrets] });

    [Fact]
    public void Good_signature_over_the_raw_bytes_is_valid() =>
        Assert.True(Verifier(Secret).IsValid(Body, ShopifyWebhookRequest.Sign(Body, Secret)));

    [Fact]
    public void Signature_computed_by_the_core_matches_the_reference_computation() =>
        Assert.Equal(ShopifyWebhookRequest.Sign(Body, Secret), WebhookSignature.Sign(Body, Secret));

    [Fact]
    public void Missing_signature_is_invalid()
    {
        Assert.False(Verifier(Secret).IsValid(Body, null));
        Assert.False(Verifier(Secret).IsValid(Body, "  "));
    }

    [Fact]
    public void Wrong_signature_is_invalid() =>
        Assert.False(Verifier(Secret).IsValid(Body, Convert.ToBase64String(new byte[32])));

    [Fact]
    public void Signature_made_with_another_secret_is_invalid() =>
        Assert.False(Verifier(Secret).IsValid(Body, ShopifyWebhookRequest.Sign(Body, "some-other-app-secret")));

    [Fact]
    public void Body_altered_by_one_byte_is_invalid()
    {
        var signature = ShopifyWebhookRequest.Sign(Body, Secret);
        for (var i = 0; i < Body.Length; i += Body.Length / 7)
        {
            var altered = (byte[])Body.Clone();
            altered[i] ^= 0x01;
            Assert.False(Verifier(Secret).IsValid(altered, signature), $"byte {i} altered yet accepted");
        }
    }

    [Fact]
    public void Re_serialised_body_is_not_the_signed_body()
    {
        var reserialised = Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(Body)!.ToJsonString());
        Assert.False(Verifier(Secret).IsValid(reserialised, ShopifyWebhookRequest.Sign(Body, Secret)));
    }

    [Fact]
    public void During_a_rotation_both_secrets_verify_and_after_it_only_the_new_one()
    {
        var oldSignature = ShopifyWebhookRequest.Sign(Body, OldSecret);
        var newSignature = ShopifyWebhookRequest.Sign(Body, Secret);
        var rotating = Verifier(Secret, OldSecret);
        Assert.True(rotating.IsValid(Body, oldSignature));
        Assert.True(rotating.IsValid(Body, newSignature));

        var rotated = Verifier(Secret);
        Assert.False(rotated.IsValid(Body, oldSignature));
        Assert.True(rotated.IsValid(Body, newSignature));
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Malformed_or_wrong_length_signature_is_invalid(string header) =>
        Assert.False(Verifier(Secret).IsValid(Body, header));

    [Fact]
    public void Without_configured_secrets_nothing_verifies()
    {
        var verifier = Verifier();
        Assert.False(verifier.HasSecrets);
        Assert.False(verifier.IsValid(Body, ShopifyWebhookRequest.Sign(Body, string.Empty)));
    }
}
