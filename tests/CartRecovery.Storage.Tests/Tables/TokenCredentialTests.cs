using Azure.Core;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TokenCredentialTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_carry_a_bearer_token_for_the_storage_scope_cached_until_near_expiry()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var credential = new CountingCredential(clock);
        using var service = new TableServiceClient(new Uri(server.BaseAddress, "acct"), credential, new TableClientOptions { TimeProvider = clock });

        await service.PingAsync(Cancel);
        clock.Advance(TimeSpan.FromMinutes(50));
        await service.PingAsync(Cancel);
        clock.Advance(TimeSpan.FromMinutes(6)); // 56 minutes: inside the 5-minute margin before the 1-hour expiry
        await service.PingAsync(Cancel);

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes.Distinct());
        Assert.Equal(2, credential.Calls);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], server.Requests.Select(r => r.Header("Authorization")));
        Assert.All(server.Requests, r => Assert.Equal("2019-02-02", r.Header("x-ms-version")));
        Assert.All(server.Requests, r => Assert.NotNull(r.Header("x-ms-date")));
        Assert.All(server.Requests, r => Assert.Equal("/acct/Tables", r.Path));
    }

    private sealed class CountingCredential(TimeProvider clock) : TokenCredential
    {
        private int calls;

        public int Calls => calls;

        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref calls);
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return ValueTask.FromResult(new AccessToken($"token-{call}", clock.GetUtcNow().AddHours(1)));
        }
    }
}
