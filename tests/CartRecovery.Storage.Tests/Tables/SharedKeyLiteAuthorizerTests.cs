using CartRecovery.Storage.Tables;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class SharedKeyLiteAuthorizerTests
{
    private static readonly byte[] DevKey = Convert.FromBase64String(AzuriteServer.DevAccountKey);

    // Expected signatures computed independently with Python's hmac module:
    // base64(hmac.new(b64decode(key), string_to_sign.encode(), sha256).digest()).
    [Theory]
    [InlineData(
        "devstoreaccount1",
        "http://127.0.0.1:10002/devstoreaccount1/Carts(PartitionKey='shop',RowKey='it%27%27s')",
        "2026-11-21T20:00:00Z",
        "oztmMrL4/rhZiTSq2VYaHeRGlSH4PB9mxxDQJx0KVVA=")]
    [InlineData(
        "myaccount",
        "https://myaccount.table.core.windows.net/Tables?$top=1",
        "2026-02-02T08:09:10Z",
        "muteVcD4mD5rKlZ5LsQ6nbnad5V72mjGGPpyTdWPAwI=")]
    public async Task Signs_the_date_and_the_account_qualified_path_as_shared_key_lite(string account, string url, string at, string expectedSignature)
    {
        var clock = new ManualTimeProvider(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        var authorizer = new SharedKeyLiteAuthorizer(account, DevKey, clock);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        await authorizer.AuthorizeAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(clock.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture), request.Headers.GetValues("x-ms-date").Single());
        Assert.Equal($"SharedKeyLite {account}:{expectedSignature}", request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void A_long_path_signs_the_same_as_through_a_fresh_hmac()
    {
        var authorizer = new SharedKeyLiteAuthorizer("acct", DevKey, TimeProvider.System);
        var path = "/acct/" + new string('x', 2000);

        var signature = authorizer.Sign("Sat, 21 Nov 2026 20:00:00 GMT", path);

        using var hmac = new System.Security.Cryptography.HMACSHA256(DevKey);
        var expected = Convert.ToBase64String(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes("Sat, 21 Nov 2026 20:00:00 GMT\n/acct" + path)));
        Assert.Equal(expected, signature);
    }

    [Fact]
    public async Task Azurite_rejects_a_wrong_key_with_403_after_one_attempt()
    {
        var connection = await AzuriteServer.Shared();
        var wrongKey = Convert.ToBase64String(new byte[64]);
        using var recorder = new RecordingHandler();
        using var service = new TableServiceClient(connection.Replace(AzuriteServer.DevAccountKey, wrongKey, StringComparison.Ordinal), new TableClientOptions { Transport = recorder });

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => service.GetTableClient("anytable").GetEntityAsync("p", "r", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(403, error.Status);
        Assert.Single(recorder.Attempts);
    }
}
