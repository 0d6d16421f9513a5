using CartRecovery.Core.Messaging;
using CartRecovery.Core.Tracking;
using FsCheck;
using FsCheck.Fluent;

namespace CartRecovery.Core.Tests.Tracking;

public sealed class TokenSignerTests
{
    private const string Key = "first-signing-key-0123456789abcdef0123";
    private const string NextKey = "second-signing-key-0123456789abcdef012";
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static TrackingToken Token(TokenPurpose purpose = TokenPurpose.Click, DateTimeOffset? expires = null) => new(
        purpose, "a-shop.myshopify.com", "msg-1", "cart-abc", "step-1", Channel.Email, "id:42",
        (expires ?? Now.AddDays(1)).ToUnixTimeSeconds(), "https://a-shop.myshopify.com/cart?x=1&y=2", "de", "zoe@example.com", "+4915112345678");

    [Fact]
    public void A_signed_token_verifies_and_round_trips_every_field()
    {
        var signer = new TokenSigner(Key);
        var token = Token();

        var check = signer.Verify(signer.Sign(token), TokenPurpose.Click, Now);

        Assert.Equal(TokenStatus.Valid, check.Status);
        Assert.Equal(token, check.Token);
    }

    [Fact]
    public void Tokens_are_base64url_without_padding()
    {
        var value = new TokenSigner(Key).Sign(Token());

        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", value);
    }

    [Fact]
    public void A_token_carries_no_readable_personal_data()
    {
        var value = new TokenSigner(Key).Sign(Token(TokenPurpose.Unsubscribe));
        var payload = System.Buffers.Text.Base64Url.DecodeFromChars(value.Split('.')[1]);
        var text = System.Text.Encoding.Latin1.GetString(payload);

        foreach (var secret in new[] { "zoe@example.com", "4915112345678", "id:42", "a-shop" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Equal(value, new TokenSigner(Key).Sign(Token(TokenPurpose.Unsubscribe))); // deterministic: the same link every time
    }

    [Fact]
    public void A_link_signed_before_payloads_were_encrypted_still_verifies()
    {
        // The earlier format: the JSON payload in the clear, signed the same way.
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Token(TokenPurpose.Unsubscribe), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        var keyBytes = System.Text.Encoding.UTF8.GetBytes(Key);
        var keyId = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(keyBytes).AsSpan(0, 3));
        var signed = keyId + "." + System.Buffers.Text.Base64Url.EncodeToString(json);
        var legacy = signed + "." + System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.HMACSHA256.HashData(keyBytes, System.Text.Encoding.ASCII.GetBytes(signed)));

        var check = new TokenSigner(Key).Verify(legacy, TokenPurpose.Unsubscribe, Now);

        Assert.Equal(TokenStatus.Valid, check.Status);
        Assert.Equal("zoe@example.com", check.Token!.Email);
    }

    [Fact]
    public void A_token_past_its_expiry_is_expired()
    {
        var signer = new TokenSigner(Key);
        var value = signer.Sign(Token(expires: Now.AddMinutes(5)));

        Assert.Equal(TokenStatus.Valid, signer.Verify(value, TokenPurpose.Click, Now.AddMinutes(4)).Status);
        Assert.Equal(TokenStatus.Expired, signer.Verify(value, TokenPurpose.Click, Now.AddMinutes(5)).Status);
    }

    [Fact]
    public void A_token_for_another_purpose_is_refused()
    {
        var signer = new TokenSigner(Key);

        var check = signer.Verify(signer.Sign(Token(TokenPurpose.Open)), TokenPurpose.Unsubscribe, Now);

        Assert.Equal(TokenStatus.WrongPurpose, check.Status);
        Assert.Null(check.Token);
    }

    [Fact]
    public void A_payload_swapped_in_from_another_token_fails_the_signature()
    {
        var signer = new TokenSigner(Key);
        var mine = signer.Sign(Token()).Split('.');
        var other = signer.Sign(Token() with { Target = "https://evil.example/" }).Split('.');

        var forged = $"{mine[0]}.{other[1]}.{mine[2]}";

        Assert.Equal(TokenStatus.BadSignature, signer.Verify(forged, TokenPurpose.Click, Now).Status);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused()
    {
        var value = new TokenSigner("attacker-key-0123456789abcdef0123456789").Sign(Token());

        Assert.Equal(TokenStatus.BadSignature, new TokenSigner(Key).Verify(value, TokenPurpose.Click, Now).Status);
    }

    [Fact]
    public void After_a_rotation_old_tokens_still_verify_and_new_ones_use_the_new_key()
    {
        var old = new TokenSigner(Key).Sign(Token());
        var rotated = new TokenSigner(NextKey, [Key]);
        var fresh = rotated.Sign(Token());

        Assert.Equal(TokenStatus.Valid, rotated.Verify(old, TokenPurpose.Click, Now).Status);
        Assert.Equal(TokenStatus.Valid, rotated.Verify(fresh, TokenPurpose.Click, Now).Status);
        Assert.Equal(TokenStatus.BadSignature, new TokenSigner(Key).Verify(fresh, TokenPurpose.Click, Now).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("zucV.!!!.abc")]
    [InlineData("zucV.e30.%%%")]
    public void Malformed_tokens_are_malformed_or_unsigned(string value)
    {
        var status = new TokenSigner(Key).Verify(value, TokenPurpose.Click, Now).Status;

        Assert.Contains(status, new[] { TokenStatus.Malformed, TokenStatus.BadSignature });
    }

    [Fact]
    public void An_oversized_token_is_malformed_before_any_work()
    {
        Assert.Equal(TokenStatus.Malformed, new TokenSigner(Key).Verify(new string('a', TokenSigner.MaxTokenLength + 1), TokenPurpose.Click, Now).Status);
    }

    [Fact]
    public void A_short_signing_key_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new TokenSigner("too-short"));
    }

    [Fact]
    public void Changing_any_character_of_a_token_invalidates_it()
    {
        var signer = new TokenSigner(Key);
        var value = signer.Sign(Token());
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

        Prop.ForAll(
            Gen.Choose(0, value.Length - 1).ToArbitrary(),
            Gen.Choose(0, alphabet.Length - 1).ToArbitrary(),
            (position, replacement) =>
            {
                var chars = value.ToCharArray();
                if (chars[position] == alphabet[replacement])
                {
                    return true;
                }

                chars[position] = alphabet[replacement];
                return !signer.Verify(new string(chars), TokenPurpose.Click, Now).IsValid;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_form_proof_is_bound_to_its_value_and_survives_rotation()
    {
        var proof = new TokenSigner(Key).Proof("form", "token-a");
        var rotated = new TokenSigner(NextKey, [Key]);

        Assert.True(rotated.VerifyProof("form", "token-a", proof));
        Assert.False(rotated.VerifyProof("form", "token-b", proof));
        Assert.False(rotated.VerifyProof("other", "token-a", proof));
        Assert.False(rotated.VerifyProof("form", "token-a", null));
    }
}
