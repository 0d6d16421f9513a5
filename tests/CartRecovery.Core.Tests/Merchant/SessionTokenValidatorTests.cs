using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Shopify;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Merchant;

public sealed class SessionTokenValidatorTests
{
    private const string Shop = "example-shop.myshopify.com";
    private const string Secret = "test-secret";
    private readonly ManualTimeProvider time = new();
    private readonly SessionTokenValidator validator;

    public SessionTokenValidatorTests()
    {
        validator = new SessionTokenValidator(new ShopifyOptions { ApiKey = "test-app", ApiSecrets = [Secret] }, time);
    }

    private string Token(object exp, object? nbf = null)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        static string Encode(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var head = Encode(new { alg = "HS256", typ = "JWT" });
        var body = Encode(new { iss = $"https://{Shop}/admin", dest = $"https://{Shop}", aud = "test-app", sub = "1", exp, nbf = nbf ?? now - 5, iat = now - 5 });
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(head + "." + body))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return "Bearer " + head + "." + body + "." + signature;
    }

    [Fact]
    public void App_bridge_token_living_one_minute_is_valid()
    {
        Assert.Equal(SessionTokenStatus.Valid, validator.Validate(Token(time.GetUtcNow().ToUnixTimeSeconds() + 60), Shop).Status);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(253402300800L)] // year 10000: DateTimeOffset cannot hold it
    public void Exp_at_the_edges_of_64_bits_is_401_not_an_exception(long exp)
    {
        var result = validator.Validate(Token(exp), Shop);
        Assert.Equal(SessionTokenStatus.Unauthorized, result.Status);
    }

    [Fact]
    public void Nbf_at_the_edge_of_64_bits_is_401_not_an_exception()
    {
        var result = validator.Validate(Token(time.GetUtcNow().ToUnixTimeSeconds() + 60, nbf: long.MaxValue), Shop);
        Assert.Equal(SessionTokenStatus.Unauthorized, result.Status);
    }

    [Fact]
    public void Token_valid_for_a_hundred_years_is_refused()
    {
        var result = validator.Validate(Token(time.GetUtcNow().AddYears(100).ToUnixTimeSeconds()), Shop);
        Assert.Equal(SessionTokenStatus.Unauthorized, result.Status);
        Assert.Contains("longer", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lifetime_cap_allows_the_clock_skew_and_no_more()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(SessionTokenStatus.Valid, validator.Validate(Token(now + 70), Shop).Status);
        Assert.Equal(SessionTokenStatus.Unauthorized, validator.Validate(Token(now + 71), Shop).Status);
    }
}
